package org.sightline.vision.ocr;

import java.util.List;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.spi.RankedServices;
import org.sightline.task.TaskContext;

/** The OCR providers found on the classpath, best first: the one door through which any feature gets an engine. */
public final class OcrProviders {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.ocr.messages");

    private final List<OcrProvider> all;

    public OcrProviders(List<OcrProvider> providers) {
        this.all = RankedServices.bestFirst(providers, OcrProvider::rank);
    }

    /** Every provider registered through ServiceLoader, available or not. */
    public static OcrProviders discover() {
        return new OcrProviders(RankedServices.load(OcrProvider.class));
    }

    /** All providers, best first. */
    public List<OcrProvider> all() {
        return all;
    }

    /** The best provider that can run with {@code store}. */
    public Optional<OcrProvider> best(CatalogModelStore store) {
        return all.stream().filter(p -> p.isAvailable(store)).findFirst();
    }

    /**
     * Loads the best available engine.
     *
     * @throws SightlineException MODEL_MISSING when no provider can run with this store
     */
    public OcrEngine load(CatalogModelStore store, TaskContext context) {
        return best(store).orElseThrow(() -> new SightlineException(Problem.MODEL_MISSING,
                MESSAGES.get("ocr.noEngine"))).load(store, context);
    }
}
