package org.sightline.vision.vlm.smolvlm;

import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.summary.DescriptionModels;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.VisionLanguageBackend;
import org.sightline.vision.vlm.VisionLanguageProvider;

/**
 * SmolVLM in process behind the provider door: an installed catalog model (the one the user named, or the
 * installed description model) or a folder of exported files.
 */
public final class SmolVlmProvider implements VisionLanguageProvider {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");
    private volatile Boolean runtimePresent;

    @Override
    public String id() {
        return "smolvlm";
    }

    @Override
    public int rank() {
        return 100;
    }

    /** Whether ONNX Runtime's Java API is on the classpath; its native library loads only with a model. */
    @Override
    public boolean isAvailable() {
        Boolean present = runtimePresent;
        if (present == null) {
            try {
                Class.forName("ai.onnxruntime.OrtEnvironment", false, SmolVlmProvider.class.getClassLoader());
                present = true;
            } catch (ClassNotFoundException e) {
                present = false;
            }
            runtimePresent = present;
        }
        return present;
    }

    @Override
    public boolean handles(BackendChoice choice) {
        return !choice.isRemote();
    }

    @Override
    public Optional<BackendChoice> resolve(BackendChoice choice, CatalogModelStore store) {
        if (!choice.isInstalledModel()) {
            return Optional.of(choice);
        }
        return DescriptionModels.installed(store).map(id -> new BackendChoice(null, null, null, id, null,
                choice.detail(), choice.generation()));
    }

    @Override
    public VisionLanguageBackend open(BackendChoice choice, CatalogModelStore store, TaskContext context) {
        if (choice.modelDir() != null) {
            return SmolVlmBackend.open(choice.modelDir().getFileName().toString(),
                    SmolVlmFiles.fromDirectory(choice.modelDir()));
        }
        String id = resolve(choice, store).map(BackendChoice::modelId).orElseThrow(() ->
                new IllegalArgumentException("no description model is installed; resolve the choice first"));
        store.catalog().find(id).ifPresent(entry ->
                context.progress(Progress.indeterminate(MESSAGES.get("vlm.progress.loading", entry.name()))));
        return SmolVlmBackend.open(store.require(id, context));
    }
}
