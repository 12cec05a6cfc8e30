package org.sightline.vision.vlm;

import java.util.Optional;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.TaskContext;

/**
 * One family of vision-language backends as the rest of Sightline sees it. Providers are listed in
 * {@code META-INF/services/org.sightline.vision.vlm.VisionLanguageProvider} and need a public no-argument
 * constructor that does no work; {@link VisionLanguageProviders} finds them and picks the one for a
 * {@link BackendChoice}. A provider is the only code that knows what a choice means for its files, catalog
 * entries or server addresses.
 */
public interface VisionLanguageProvider {

    /** Short, stable, lower-case name, e.g. {@code smolvlm} or {@code remote}. */
    String id();

    /** Higher is preferred when two providers could serve the same choice. */
    int rank();

    /** Whether the provider can run on this machine. Cheap and cached. */
    boolean isAvailable();

    /** Whether this provider is the one for {@code choice} (a server, or a local model). */
    boolean handles(BackendChoice choice);

    /** The sentence saying what is wrong with {@code choice} (a malformed server address); empty when it is fine. */
    default Optional<String> problem(BackendChoice choice) {
        return Optional.empty();
    }

    /**
     * The choice to open now: for {@link BackendChoice#isInstalledModel()}, the model that is installed, or
     * empty when none is; otherwise {@code choice} itself.
     */
    default Optional<BackendChoice> resolve(BackendChoice choice, CatalogModelStore store) {
        return Optional.of(choice);
    }

    /**
     * Opens the backend for a resolved choice, loading its model (with progress) or preparing its connection.
     *
     * @throws org.sightline.error.SightlineException MODEL_MISSING when a named model is not installed,
     *     BAD_INPUT for a broken folder or a bad address
     */
    VisionLanguageBackend open(BackendChoice choice, CatalogModelStore store, TaskContext context);
}
