package org.sightline.vision.vlm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Question;

/** The remote client against a real HTTP server on loopback that speaks the chat-completions stream. */
class OpenAiCompatibleBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private ExecutorService executor;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Handler handler;
    private Locale savedLocale;

    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    @BeforeEach
    void startServer() throws IOException {
        savedLocale = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> {
            try {
                requests.add(JSON.readTree(exchange.getRequestBody()));
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                handler.handle(exchange);
            } catch (Exception e) {
                // The client went away (cancel, timeout): nothing to answer.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
        Messages.setLocale(savedLocale);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private static void sse(HttpExchange ex, List<String> pieces, long pauseMillis, String finish) throws Exception {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": keep-alive comment\n\n".getBytes(StandardCharsets.UTF_8));
        for (String p : pieces) {
            String event = JSON.writeValueAsString(JSON.createObjectNode().set("choices",
                    JSON.createArrayNode().add(JSON.createObjectNode().set("delta", JSON.createObjectNode().put("content", p)))));
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(pauseMillis);
        }
        out.write(("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"" + finish + "\"}]}\n\n").getBytes(StandardCharsets.UTF_8));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(3000, 1500, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 10, 0xff0000);
        return img;
    }

    @Test
    void answersStreamInOrderWithTheKeyTheImageAndTheHistory() throws Exception {
        handler = ex -> sse(ex, List.of("A red", " dot", " on black."), 5, "stop");
        OpenAiCompatibleBackend backend = new OpenAiCompatibleBackend(RemoteSettings.of(base(), "smolvlm", "secret-key"));
        assertThat(backend.privacyStatement()).hasValueSatisfying(s -> assertThat(s).contains("127.0.0.1").contains("leave this computer"));
        try (Conversation c = backend.startConversation(image(), ConversationOptions.defaults())) {
            List<String> pieces = new ArrayList<>();
            Answer a = c.ask(Question.shortDescription(), pieces::add, TaskContext.none());
            assertThat(pieces).containsExactly("A red", " dot", " on black.");
            assertThat(a.text()).isEqualTo("A red dot on black.");
            assertThat(a.finishReason()).isEqualTo(Answer.FinishReason.END_OF_ANSWER);

            handler = ex -> sse(ex, List.of("Red."), 0, "length");
            Answer b = c.ask(Question.of("What colour is the dot?"), p -> { }, TaskContext.none());
            assertThat(b.text()).isEqualTo("Red.");
            assertThat(b.finishReason()).isEqualTo(Answer.FinishReason.LENGTH_LIMIT);
            assertThat(c.turns()).hasSize(2);
        }
        assertThat(authorizations).containsOnly("Bearer secret-key");
        JsonNode first = requests.get(0);
        assertThat(first.path("model").asText()).isEqualTo("smolvlm");
        assertThat(first.path("stream").asBoolean()).isTrue();
        JsonNode content = first.path("messages").path(1).path("content");
        // The image comes before the question, as vision models are trained.
        assertThat(content.path(0).path("type").asText()).isEqualTo("image_url");
        assertThat(content.path(1).path("type").asText()).isEqualTo("text");
        String url = content.path(0).path("image_url").path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertThat(sent.getWidth()).isEqualTo(2048);
        assertThat(sent.getHeight()).isEqualTo(1024);
        // The follow-up resends the history: system, user with image, assistant answer, new question.
        JsonNode second = requests.get(1).path("messages");
        assertThat(second).hasSize(4);
        assertThat(second.path(2).path("role").asText()).isEqualTo("assistant");
        assertThat(second.path(2).path("content").asText()).isEqualTo("A red dot on black.");
        assertThat(second.path(3).path("content").asText()).isEqualTo("What colour is the dot?");
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() {
        handler = ex -> sse(ex, List.of("ok"), 0, "stop");
        try (Conversation c = new OpenAiCompatibleBackend(RemoteSettings.of(base(), "m", null))
                .startConversation(image(), ConversationOptions.defaults())) {
            c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
        }
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void aServerErrorBecomesOneClearMessage() {
        handler = ex -> {
            byte[] body = "{\"error\":{\"message\":\"model 'smolvlm' not found\"}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
        };
        try (Conversation c = new OpenAiCompatibleBackend(RemoteSettings.of(base(), "smolvlm", "k"))
                .startConversation(image(), ConversationOptions.defaults())) {
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), p -> { }, TaskContext.none()))
                    .isInstanceOf(SightlineException.class)
                    .hasMessage("The description server at 127.0.0.1:" + server.getAddress().getPort()
                            + " answered with error 404: model 'smolvlm' not found")
                    .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
            // The failed question is not kept in the history.
            handler = ex -> sse(ex, List.of("fine"), 0, "stop");
            c.ask(Question.shortDescription(), p -> { }, TaskContext.none());
            assertThat(requests.get(1).path("messages")).hasSize(2);
        }
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        handler = ex -> Thread.sleep(5000);
        RemoteSettings settings = RemoteSettings.of(base(), "m", null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(5));
        long start = System.nanoTime();
        try (Conversation c = new OpenAiCompatibleBackend(settings).startConversation(image(), ConversationOptions.defaults())) {
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), p -> { }, TaskContext.none()))
                    .isInstanceOf(SightlineException.class).hasMessageContaining("did not answer within");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aStreamThatStallsTimesOut() {
        handler = ex -> sse(ex, List.of("one", " two"), 3000, "stop");
        RemoteSettings settings = RemoteSettings.of(base(), "m", null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(500));
        List<String> pieces = new ArrayList<>();
        try (Conversation c = new OpenAiCompatibleBackend(settings).startConversation(image(), ConversationOptions.defaults())) {
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), pieces::add, TaskContext.none()))
                    .isInstanceOf(SightlineException.class).hasMessageContaining("did not answer within");
        }
        assertThat(pieces).containsExactly("one");
    }

    @Test
    void cancellingStopsTheStreamAndTheConversationGoesOn() {
        handler = ex -> sse(ex, List.of("one", " two", " three", " four"), 500, "stop");
        try (Conversation c = new OpenAiCompatibleBackend(RemoteSettings.of(base(), "m", null))
                .startConversation(image(), ConversationOptions.defaults())) {
            CancellationToken token = new CancellationToken();
            long[] cancelledAt = new long[1];
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), p -> {
                cancelledAt[0] = System.nanoTime();
                token.cancel();
            }, TaskContext.of(token, p -> { }))).isInstanceOf(CancelledException.class);
            // The rest of the stream would take 1.5 s more.
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt[0])).isLessThan(Duration.ofMillis(400));
            handler = ex -> sse(ex, List.of("yes"), 0, "stop");
            assertThat(c.ask(Question.of("Again?"), p -> { }, TaskContext.none()).text()).isEqualTo("yes");
            // The partial answer stays in the history before the new question.
            assertThat(requests.get(1).path("messages").path(2).path("content").asText()).isEqualTo("one");
        }
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Conversation c = new OpenAiCompatibleBackend(RemoteSettings.of(URI.create("http://127.0.0.1:" + port + "/v1"), "m", null))
                .startConversation(image(), ConversationOptions.defaults())) {
            assertThatThrownBy(() -> c.ask(Question.shortDescription(), p -> { }, TaskContext.none()))
                    .isInstanceOf(SightlineException.class).hasMessageContaining("could not reach");
        }
    }
}
