package org.sightline.app.firstrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sightline.app.models.ModelInstaller;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelStatus;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrProvider;
import org.sightline.vision.summary.DescriptionModels;

/**
 * The setup's model list backed by the model catalog and its store: sizes come from the catalog, downloads
 * and imports are the model manager's ({@link ModelInstaller}).
 * The catalog's default models are the ones the setup selects for the user.
 */
public final class ModelChoicesFromStore implements ModelChoices {

    private final CatalogModelStore store;
    private final ModelInstaller installer;

    public ModelChoicesFromStore(CatalogModelStore store) {
        this.store = Objects.requireNonNull(store);
        this.installer = new ModelInstaller(store);
    }

    /**
     * The models something in Sightline uses: text recognition and description. The catalog also lists models
     * for work Sightline does not do yet; the setup never offers them, so nobody downloads hundreds of megabytes
     * that nothing reads.
     */
    private static final Set<String> USED_TASKS = Set.of(OcrProvider.TASK, DescriptionModels.TASK);

    @Override
    public List<Option> models() {
        List<Option> options = new ArrayList<>();
        for (ModelStatus status : store.statuses()) {
            ModelEntry entry = status.entry();
            if (!USED_TASKS.contains(entry.task())) {
                continue;
            }
            // A model that ships inside Sightline is there already: offering it as a download (and pre-selecting
            // it) added its size to what the user was told to fetch.
            options.add(new Option(entry.id(), entry.name(), entry.description(), entry.size(),
                    status.installed() || entry.bundled(), entry.isDefault()));
        }
        return options;
    }

    /** The model manager's download: one model after the other, progress over the whole selection. */
    @Override
    public void download(List<String> ids, TaskContext context) {
        installer.download(ids, context);
    }

    /** The model manager's import: each model in the folder or in a subfolder named after it. */
    @Override
    public List<String> importFrom(Path folder, TaskContext context) {
        return installer.importFrom(folder, context);
    }
}
