package org.sightline.vision.vlm;

import java.util.Objects;

/**
 * Per-conversation choices: how closely the model looks at the image ({@link Detail}; remote servers choose
 * for themselves) and how answers are generated.
 */
public record ConversationOptions(Detail detail, GenerationSettings generation) {

    public ConversationOptions {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(generation, "generation");
    }

    /** A full look with the default generation settings. */
    public static ConversationOptions defaults() {
        return new ConversationOptions(Detail.FULL, GenerationSettings.defaults());
    }

    /** One view of the whole image with the default generation settings. */
    public static ConversationOptions fastMode() {
        return new ConversationOptions(Detail.FAST, GenerationSettings.defaults());
    }

    public ConversationOptions withGeneration(GenerationSettings settings) {
        return new ConversationOptions(detail, settings);
    }
}
