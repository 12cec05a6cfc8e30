package org.sightline.vision.vlm.remote;

import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.VisionLanguageBackend;

/**
 * A vision-language model on an OpenAI-compatible chat-completions server. Each conversation sends the
 * image once as a base64 PNG data URL in its first message and the whole history with every follow-up,
 * as those servers keep no state between requests; answers arrive as server-sent events.
 */
public final class OpenAiCompatibleBackend implements VisionLanguageBackend {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final RemoteSettings settings;
    private final HttpClient client;

    public OpenAiCompatibleBackend(RemoteSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String id() {
        return "remote:" + settings.host();
    }

    @Override
    public Optional<String> privacyStatement() {
        return Optional.of(MESSAGES.get("vlm.remote.privacy", settings.host()));
    }

    @Override
    public Conversation startConversation(BufferedImage image, ConversationOptions options) {
        return new RemoteConversation(client, settings, image, options);
    }

    @Override
    public void close() {
        // HttpClient in Java 17 has no close; its threads end when it is unreachable.
    }
}
