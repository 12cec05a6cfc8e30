package org.sightline.vision.vlm;

import java.util.List;
import java.util.Optional;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.spi.RankedServices;
import org.sightline.task.TaskContext;

/** The vision-language providers found on the classpath, best first: the one door to a backend. */
public final class VisionLanguageProviders {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final List<VisionLanguageProvider> all;

    public VisionLanguageProviders(List<VisionLanguageProvider> providers) {
        this.all = RankedServices.bestFirst(providers, VisionLanguageProvider::rank);
    }

    /** Every provider registered through ServiceLoader, available or not. */
    public static VisionLanguageProviders discover() {
        return new VisionLanguageProviders(RankedServices.load(VisionLanguageProvider.class));
    }

    /** The registered providers, discovered once. */
    public static VisionLanguageProviders standard() {
        return Standard.PROVIDERS;
    }

    /** Loaded on the first call of {@link #standard()}, once, by the class loader's own locking. */
    private static final class Standard {
        static final VisionLanguageProviders PROVIDERS = discover();
    }

    /** All providers, best first. */
    public List<VisionLanguageProvider> all() {
        return all;
    }

    /** The best available provider that serves {@code choice}. */
    public Optional<VisionLanguageProvider> providerFor(BackendChoice choice) {
        return all.stream().filter(p -> p.handles(choice) && p.isAvailable()).findFirst();
    }

    /** What is wrong with {@code choice}, in a sentence; empty when a provider can serve it as it is. */
    public Optional<String> problem(BackendChoice choice) {
        return providerFor(choice).map(p -> p.problem(choice)).orElse(Optional.of(MESSAGES.get("vlm.noBackend")));
    }

    /** Whether a provider can serve {@code choice} as it is. */
    public boolean accepts(BackendChoice choice) {
        return problem(choice).isEmpty();
    }

    /**
     * The choice to open now ({@link VisionLanguageProvider#resolve}): empty when the user left the model to
     * Sightline and no description model is installed.
     *
     * @throws SightlineException BAD_INPUT when the choice is malformed, MODEL_MISSING when no provider serves it
     */
    public Optional<BackendChoice> resolve(BackendChoice choice, CatalogModelStore store) {
        return provider(choice).resolve(choice, store);
    }

    /** Opens the backend for a resolved choice. */
    public VisionLanguageBackend open(BackendChoice choice, CatalogModelStore store, TaskContext context) {
        return provider(choice).open(choice, store, context);
    }

    private VisionLanguageProvider provider(BackendChoice choice) {
        VisionLanguageProvider provider = providerFor(choice).orElseThrow(() ->
                new SightlineException(Problem.MODEL_MISSING, MESSAGES.get("vlm.noBackend")));
        provider.problem(choice).ifPresent(sentence -> {
            throw new SightlineException(Problem.BAD_INPUT, sentence);
        });
        return provider;
    }
}
