package org.sightline.app.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelFile;
import org.sightline.models.ModelStatus;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/**
 * Puts models into the cache: the one download and import code behind both the model manager and first-run
 * setup, so a download behaves and reports the same wherever the user starts it. Runs on the caller's worker
 * thread; the store verifies every file and keeps partial downloads for a later resume.
 */
public final class ModelInstaller {

    private final CatalogModelStore store;

    public ModelInstaller(CatalogModelStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * Pulls the models one after the other. Progress covers them all, so "50 percent" means half of the bytes of
     * the whole selection, not half of the model being fetched now. One model reports its own bytes as the store
     * counts them.
     */
    public void download(List<String> ids, TaskContext context) {
        if (ids.size() == 1) {
            store.pull(ids.get(0), context);
            return;
        }
        CancellationToken token = context.cancellation();
        long total = 0;
        for (String id : ids) {
            total += store.catalog().get(id).size();
        }
        long grandTotal = Math.max(total, 1);
        long before = 0;
        for (String id : ids) {
            token.throwIfCancelled();
            long base = before;
            TaskContext overall = TaskContext.of(token, p -> context.progress(new Progress(
                    Math.min(grandTotal, base + Math.max(0, p.done())), grandTotal, p.message())));
            store.pull(id, overall);
            before += store.catalog().get(id).size();
        }
    }

    /**
     * Installs every model not yet installed that the folder holds, looking in the folder itself and in a
     * subfolder named after the model (how the cache lays them out, so a cache copied from another computer imports
     * as it is). Returns the ids installed.
     *
     * @throws SightlineException when the folder does not exist, or holds part of a model or a damaged file
     */
    public List<String> importFrom(Path folder, TaskContext context) {
        if (!Files.isDirectory(folder)) {
            throw new SightlineException(Problem.BAD_INPUT,
                    ModelManagerViewModel.TEXT.get("import.folderMissing", folder));
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
