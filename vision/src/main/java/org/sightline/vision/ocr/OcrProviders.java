package org.sightline.vision.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.TaskContext;

/** The OCR providers found on the classpath, best first: the one door through which any feature gets an engine. */
public final class OcrProviders {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.ocr.messages");

    private final List<OcrProvider> all;

    public OcrProviders(List<OcrProvider> providers) {
        List<OcrProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(OcrProvider::rank).reversed());
        this.all = List.copyOf(sorted);
    }

    /** Every provider registered through ServiceLoader, available or not. */
    public static OcrProviders discover() {
        List<OcrProvider> found = new ArrayList<>();
        for (OcrProvider p : ServiceLoader.load(OcrProvider.class, OcrProviders.class.getClassLoader())) {
            found.add(p);
        }
        return new OcrProviders(found);
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
