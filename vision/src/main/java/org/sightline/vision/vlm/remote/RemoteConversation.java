package org.sightline.vision.vlm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.PromptTexts;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.TokenListener;
import org.sightline.vision.vlm.Turn;

/** One image's conversation with a chat-completions server; the history is resent with each question. */
final class RemoteConversation implements Conversation {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Images are scaled down to at most this long an edge before sending; servers scale further anyway. */
    static final int MAX_EDGE = 2048;
    private static final String SYSTEM = "You describe images for a blind person. Be accurate and brief. "
            + "Never invent text or details: if you cannot tell, say so.";

    private final HttpClient client;
    private final RemoteSettings settings;
    private final ConversationOptions options;
    private final List<ObjectNode> messages = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private BufferedImage image;
    private String imageUrl;

    RemoteConversation(HttpClient client, RemoteSettings settings, BufferedImage image, ConversationOptions options) {
        this.client = client;
        this.settings = settings;
        this.image = image;
        this.options = options;
        ObjectNode system = JSON.createObjectNode();
        system.put("role", "system");
        system.put("content", SYSTEM);
        messages.add(system);
    }

    @Override
    public synchronized Answer ask(Question question, TokenListener listener, TaskContext context) {
        CancellationToken token = context.cancellation();
        token.throwIfCancelled();
        String userText = PromptTexts.userText(question);
        ObjectNode user = JSON.createObjectNode();
        user.put("role", "user");
        if (turns.isEmpty() && messages.size() == 1) {
            // The image first: SmolVLM, LLaVA, Qwen-VL and most vision models were trained with it before the text.
            ArrayNode content = user.putArray("content");
            content.addObject().put("type", "image_url").putObject("image_url").put("url", imageUrl());
            content.addObject().put("type", "text").put("text", userText);
        } else {
            user.put("content", userText);
        }
        messages.add(user);
        StringBuilder answer = new StringBuilder();
        try {
            Answer.FinishReason reason = stream(body(), piece -> {
                answer.append(piece);
                listener.onText(piece);
            }, token);
            addAssistant(answer.toString());
            String text = answer.toString().strip();
            turns.add(new Turn(question, userText, text));
            return new Answer(text, reason, 0);
        } catch (RuntimeException e) {
            if (answer.length() > 0) {
                addAssistant(answer.toString());
                turns.add(new Turn(question, userText, answer.toString().strip()));
            } else {
                messages.remove(messages.size() - 1);
            }
            throw e;
        }
    }

    private void addAssistant(String text) {
        ObjectNode a = JSON.createObjectNode();
        a.put("role", "assistant");
        a.put("content", text);
        messages.add(a);
    }

    private String body() {
        GenerationSettings g = options.generation();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("stream", true);
        body.put("max_tokens", g.maxNewTokens());
        body.put("temperature", g.temperature());
        if (!g.greedy()) {
            body.put("top_p", g.topP());
            body.put("seed", g.seed());
        }
        ArrayNode list = body.putArray("messages");
        messages.forEach(list::add);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request and streams the answer; returns why the server stopped. */
    private Answer.FinishReason stream(String body, TokenListener listener, CancellationToken token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.responseTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> future =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(future, token);
        StreamedBody in = new StreamedBody(token, settings.idleTimeout().toNanos());
        response.body().subscribe(in);
        try {
            if (response.statusCode() / 100 != 2) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("vlm.remote.status",
                        settings.host(), response.statusCode(), errorText(in)));
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json")) {
                // A server that ignored "stream": one JSON reply.
                JsonNode reply = JSON.readTree(in);
                listener.onText(reply.path("choices").path(0).path("message").path("content").asText(""));
                return reason(reply.path("choices").path(0).path("finish_reason").asText("stop"));
            }
            Answer.FinishReason[] reason = {Answer.FinishReason.END_OF_ANSWER};
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            ServerSentEvents.read(reader, data -> {
                token.throwIfCancelled();
                if (data.strip().equals("[DONE]")) {
                    return false;
                }
                JsonNode event = parse(data);
                if (event.has("error")) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("vlm.remote.status",
                            settings.host(), event.path("error").path("code").asText("?"),
                            event.path("error").path("message").asText(event.path("error").toString())));
                }
                JsonNode choice = event.path("choices").path(0);
                String piece = choice.path("delta").path("content").asText("");
                if (!piece.isEmpty()) {
                    listener.onText(piece);
                }
                String finish = choice.path("finish_reason").asText("");
                if (!finish.isEmpty() && !"null".equals(finish)) {
                    reason[0] = reason(finish);
                }
                return true;
            });
            token.throwIfCancelled();
            return reason[0];
        } catch (StreamedBody.IdleTimeoutException e) {
            throw timeout(settings.idleTimeout().toSeconds());
        } catch (IOException e) {
            if (token.isCancelled()) {
                throw new CancelledException();
            }
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("vlm.remote.unreachable", settings.host()), e);
        } finally {
            in.close();
        }
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, CancellationToken token) {
        while (true) {
            token.throwIfCancelled();
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (token.isCancelled()) {
                    future.cancel(true);
                }
                // Poll again so a cancelled token is seen within 100 ms.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (java.util.concurrent.CancellationException e) {
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    throw timeout(settings.responseTimeout().toSeconds());
                }
                if (cause instanceof ConnectException || cause instanceof IOException) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                            MESSAGES.get("vlm.remote.unreachable", settings.host()), cause);
                }
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE,
                        MESSAGES.get("vlm.remote.unreachable", settings.host()), cause);
            }
        }
    }

    private SightlineException timeout(long seconds) {
        return new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("vlm.remote.timeout", settings.host(), seconds));
    }

    private JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, MESSAGES.get("vlm.remote.badReply", settings.host()), e);
        }
    }

    private static Answer.FinishReason reason(String finish) {
        return "length".equals(finish) ? Answer.FinishReason.LENGTH_LIMIT : Answer.FinishReason.END_OF_ANSWER;
    }

    private static String errorText(InputStream in) {
        try {
            String body = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            try {
                JsonNode n = JSON.readTree(body);
                if (n.path("error").isTextual()) {
                    body = n.path("error").asText();
                } else if (n.path("error").has("message")) {
                    body = n.path("error").path("message").asText();
                }
            } catch (IOException notJson) {
                // Plain text bodies are shown as they are.
            }
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        } catch (IOException e) {
            return "";
        }
    }

    private String imageUrl() {
        if (imageUrl == null) {
            imageUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
            image = null;
        }
        return imageUrl;
    }

    static byte[] png(BufferedImage image) {
        BufferedImage img = image;
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest > MAX_EDGE) {
            double s = (double) MAX_EDGE / longest;
            int w = Math.max(1, (int) Math.round(image.getWidth() * s));
            int h = Math.max(1, (int) Math.round(image.getHeight() * s));
            img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    @Override
    public void close() {
        image = null;
        imageUrl = null;
    }
}
