package org.sightline.app.firstrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelFile;
import org.sightline.models.ModelStatus;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrProvider;
import org.sightline.vision.summary.DescriptionModels;

/**
 * The setup's model list backed by the model catalog and its store: sizes come from the catalog, downloads
 * are the store's verified pulls, and an import looks for each catalog model in the folder the user chose.
 * The catalog's default models are the ones the setup selects for the user.
 */
public final class ModelChoicesFromStore implements ModelChoices {

    private final CatalogModelStore store;

    public ModelChoicesFromStore(CatalogModelStore store) {
        this.store = Objects.requireNonNull(store);
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

    /**
     * Pulls the models one after the other. Progress covers them all, so "50 percent" means half of the
     * bytes of the whole selection, not half of the model being fetched now.
     */
    @Override
    public void download(List<String> ids, TaskContext context) {
        CancellationToken token = context.cancellation();
        long total = 0;
        for (String id : ids) {
            total += store.catalog().get(id).size();
        }
        long before = 0;
        for (String id : ids) {
            token.throwIfCancelled();
            long base = before;
            long grandTotal = Math.max(total, 1);
            TaskContext overall = TaskContext.of(token, p -> context.progress(
                    new Progress(Math.min(grandTotal, base + Math.max(0, p.done())), grandTotal, p.message())));
            store.pull(id, overall);
            before += store.catalog().get(id).size();
        }
    }

    /**
     * Looks for each model not yet installed in the folder itself and in a subfolder named after the model
     * (how the model cache lays them out, so a cache copied from another computer imports as it is).
     */
    @Override
    public List<String> importFrom(Path folder, TaskContext context) {
        if (!Files.isDirectory(folder)) {
            throw new SightlineException(Problem.BAD_INPUT,
                    FirstRunViewModel.MESSAGES.get("models.folderMissing", folder));
        }
        List<String> imported = new ArrayList<>();
        for (ModelStatus status : store.statuses()) {
            ModelEntry entry = status.entry();
            if (status.installed()) {
                continue;
            }
            for (Path candidate : List.of(folder.resolve(entry.id()), folder)) {
                context.cancellation().throwIfCancelled();
                if (!Files.isDirectory(candidate)) {
                    continue;
                }
                try {
                    store.importFrom(entry.id(), candidate, context);
                    imported.add(entry.id());
                    break;
                } catch (SightlineException e) {
                    // Nothing of this model here is not an error; part of it here, or a damaged file, is.
                    if (holdsAnyFileOf(entry, candidate)) {
                        throw e;
                    }
                }
            }
        }
        return imported;
    }

    private static boolean holdsAnyFileOf(ModelEntry entry, Path folder) {
        for (ModelFile file : entry.files()) {
            if (Files.isRegularFile(folder.resolve(file.name()))) {
                return true;
            }
        }
        return false;
    }
}
