package org.sightline.vision.vlm;

import java.util.Objects;

/**
 * Per-conversation choices. {@code fast} skips tiling: the whole image becomes one 512x512 view (64 image
 * tokens instead of up to 1088), for slow machines and quick first answers.
 */
public record ConversationOptions(boolean fast, GenerationSettings generation) {

    public ConversationOptions {
        Objects.requireNonNull(generation, "generation");
    }

    public static ConversationOptions defaults() {
        return new ConversationOptions(false, GenerationSettings.defaults());
    }

    public static ConversationOptions fastMode() {
        return new ConversationOptions(true, GenerationSettings.defaults());
    }

    public ConversationOptions withGeneration(GenerationSettings settings) {
        return new ConversationOptions(fast, settings);
    }
}
