package org.sightline.app.service;

import java.nio.file.Path;
import java.util.Locale;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;
import org.sightline.vision.read.TextReader;

/**
 * The start-up the service tests share: sentences in English, the bundled models in an offline cache of the
 * test's own (what this machine has downloaded must not change what is heard), and the service's work over them.
 */
final class ServiceTesting {

    private ServiceTesting() {
    }

    /** Speaks English and takes the models from an offline cache under {@code dir}; returns the locale to restore. */
    static Locale englishWithModelsIn(Path dir) {
        Locale saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        ModelStores.configure(ModelStoreConfig.defaults().withCacheDirectory(dir.resolve("cache")).withOffline(true));
        return saved;
    }

    /** The service's work, with a recogniser of its own over the configured models. */
    static ServiceWork work() {
        return new ServiceWork(ModelStores.standard(), new TextReader(ModelStores.standard()));
    }
}
