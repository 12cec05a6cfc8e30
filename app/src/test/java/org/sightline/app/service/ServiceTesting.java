package org.sightline.app.service;

import org.sightline.models.ModelStores;
import org.sightline.vision.read.TextReader;

/**
 * The start-up the service tests share, beside {@link org.sightline.vision.testing.EnglishOfflineStore} (English
 * sentences, the bundled models in an offline cache of the test's own): the service's work over those models.
 */
final class ServiceTesting {

    private ServiceTesting() {
    }

    /** The service's work, with a recogniser of its own over the configured models. */
    static ServiceWork work() {
        return new ServiceWork(ModelStores.standard(), new TextReader(ModelStores.standard()));
    }
}
