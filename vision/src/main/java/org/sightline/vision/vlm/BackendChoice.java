package org.sightline.vision.vlm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which vision-language backend answers, as the user chose it: an OpenAI-compatible server, an installed model
 * (a catalog id, or none for "the installed description model"), or a folder of model files; and how each
 * conversation runs (how closely a local model looks, generation settings). {@link VisionLanguageProviders} turns a choice into a
 * backend; only the providers know what the fields mean for files and catalog entries.
 *
 * @param server      the server's API root (e.g. {@code http://localhost:11434/v1}); null for a local model
 * @param serverModel the model name on the server
 * @param apiKey      the server's key; null or empty for none
 * @param modelId     the installed model's catalog id; null for the installed description model
 * @param modelDir    a folder of model files instead of an installed model; null for none
 * @param detail      how closely a local model looks at each image
 * @param generation  how answers are decoded
 */
public record BackendChoice(String server, String serverModel, String apiKey, String modelId, Path modelDir,
                            Detail detail, GenerationSettings generation) {

    public BackendChoice {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(generation, "generation");
        apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
    }

    /** The installed description model: the catalog's default when installed, else any installed one. */
    public static BackendChoice installedModel() {
        return new BackendChoice(null, null, null, null, null, Detail.ADAPTIVE, GenerationSettings.defaults());
    }

    /** The installed model with this catalog id; missing, it is an error rather than a reason to summarise. */
    public static BackendChoice installed(String modelId) {
        return new BackendChoice(null, null, null, Objects.requireNonNull(modelId, "modelId"), null, Detail.ADAPTIVE,
                GenerationSettings.defaults());
    }

    /** The model files in {@code dir}. */
    public static BackendChoice folder(Path dir) {
        return new BackendChoice(null, null, null, null, Objects.requireNonNull(dir, "dir"), Detail.ADAPTIVE,
                GenerationSettings.defaults());
    }

    /** An OpenAI-compatible server; images leave this computer. */
    public static BackendChoice remote(String server, String serverModel, String apiKey) {
        return new BackendChoice(Objects.requireNonNull(server, "server"), serverModel, apiKey, null, null, Detail.ADAPTIVE,
                GenerationSettings.defaults());
    }

    /** One view of each image when {@code isFast}; otherwise as many as the machine allows quickly. */
    public BackendChoice withFast(boolean isFast) {
        return withDetail(isFast ? Detail.FAST : Detail.ADAPTIVE);
    }

    public BackendChoice withDetail(Detail look) {
        return new BackendChoice(server, serverModel, apiKey, modelId, modelDir, look, generation);
    }

    public BackendChoice withGeneration(GenerationSettings settings) {
        return new BackendChoice(server, serverModel, apiKey, modelId, modelDir, detail, settings);
    }

    /** Whether images go to a server. */
    public boolean isRemote() {
        return server != null;
    }

    /** Whether this asks for whichever description model is installed, rather than one named by the user. */
    public boolean isInstalledModel() {
        return server == null && modelId == null && modelDir == null;
    }

    /** The options each conversation starts with. */
    public ConversationOptions options() {
        return new ConversationOptions(detail, generation);
    }

    /**
     * The same backend with the per-conversation settings reset: two choices with equal backends share one
     * loaded model or connection.
     */
    public BackendChoice backend() {
        return new BackendChoice(server, serverModel, apiKey, modelId, modelDir, Detail.ADAPTIVE,
                GenerationSettings.defaults());
    }

    /** As the record's own, but without the API key, so that no log or message can ever carry it. */
    @Override
    public String toString() {
        return "BackendChoice[server=" + server + ", serverModel=" + serverModel + ", apiKey="
                + (apiKey == null ? "" : "(set)") + ", modelId=" + modelId + ", modelDir=" + modelDir
                 + ", detail=" + detail + ", generation=" + generation + "]";
    }
}
