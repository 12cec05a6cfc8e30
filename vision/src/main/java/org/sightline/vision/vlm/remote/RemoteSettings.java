package org.sightline.vision.vlm.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible server.
 *
 * @param baseUrl         the API root, for example {@code http://localhost:11434/v1}; {@code /chat/completions} is added
 * @param model           the model name the server knows, for example {@code llava} or {@code smolvlm}
 * @param apiKey          sent as {@code Authorization: Bearer}; null or empty for servers without keys
 * @param connectTimeout  how long to wait for the connection
 * @param responseTimeout how long to wait for the server to start answering (it may load the model first)
 * @param idleTimeout     how long the stream may stay silent between two pieces of the answer
 */
public record RemoteSettings(URI baseUrl, String model, String apiKey, Duration connectTimeout,
                             Duration responseTimeout, Duration idleTimeout) {

    public RemoteSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Settings with the usual timeouts: 10 s to connect, 120 s for the first byte, 60 s between pieces. */
    public static RemoteSettings of(URI baseUrl, String model, String apiKey) {
        return new RemoteSettings(baseUrl, model, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofSeconds(60));
    }

    public RemoteSettings withTimeouts(Duration connect, Duration response, Duration idle) {
        return new RemoteSettings(baseUrl, model, apiKey, connect, response, idle);
    }

    URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    String host() {
        return baseUrl.getPort() > 0 ? baseUrl.getHost() + ":" + baseUrl.getPort() : String.valueOf(baseUrl.getHost());
    }
}
