package org.sightline.vision.summary;

import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelMessages;

/**
 * Which description (vision-language) model can answer now, and the sentence that offers one for download when
 * none is installed, so that a summary always comes with the way to a real description.
 */
public final class DescriptionModels {

    /** The catalog's task name for vision-language models. */
    public static final String TASK = "vlm";

    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");

    private DescriptionModels() {
    }

    /** The catalog's default description model, installed or not. */
    public static Optional<String> defaultModel(CatalogModelStore store) {
        return store.catalog().defaultFor(TASK).map(ModelEntry::id);
    }

    /** The id of an installed description model: the catalog's default for the task when it is installed, else any. */
    public static Optional<String> installed(CatalogModelStore store) {
        Optional<ModelEntry> preferred = store.catalog().defaultFor(TASK);
        if (preferred.isPresent() && store.isInstalled(preferred.get().id())) {
            return Optional.of(preferred.get().id());
        }
        return store.catalog().entries().stream()
                .filter(e -> TASK.equals(e.task()) && store.isInstalled(e.id()))
                .map(ModelEntry::id)
                .findFirst();
    }

    /**
     * "A description model can be downloaded (about 240 MB) with: sightline models pull smolvlm-256m.", with a
     * word on offline mode when the store may not download; empty when the catalog has no description model.
     */
    public static Optional<String> downloadHint(CatalogModelStore store) {
        return store.catalog().defaultFor(TASK).map(entry -> {
            String size = ModelMessages.size(entry.size());
            String key = store.config().offline() ? "offer.offline" : "offer.download";
            return MESSAGES.get(key, entry.name(), entry.id(), entry.sizeExact() ? size : MESSAGES.get("offer.about", size));
        });
    }
}
