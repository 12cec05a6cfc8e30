package org.sightline.vision.vlm;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A vision-language model that can hold conversations about images: SmolVLM in process, or an
 * OpenAI-compatible server. Implementations are thread-safe; each conversation is used by one thread at
 * a time.
 */
public interface VisionLanguageBackend extends AutoCloseable {

    /** A short name for logs and settings, such as {@code smolvlm-256m} or {@code remote:localhost}. */
    String id();

    /**
     * A translated sentence the app shows and speaks before the first image is sent when this backend
     * sends images off this computer; empty for backends that keep them local.
     */
    Optional<String> privacyStatement();

    /**
     * Starts a conversation about {@code image}. Nothing expensive happens yet: the image is encoded on
     * the first {@link Conversation#ask}, once per conversation. A new image needs a new conversation.
     */
    Conversation startConversation(BufferedImage image, ConversationOptions options);

    /**
     * Forgets whatever the backend keeps of pictures looked at so far to look at them again faster (SmolVLM
     * keeps the views it encoded, which a closer look at the same picture reuses). Called when the user moves
     * on to another picture; conversations already started keep what they hold.
     */
    default void forgetViews() {
    }

    @Override
    void close();
}
