package org.sightline.app.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.settings.Settings;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.describe.Describer;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.vlm.VisionLanguageProviders;
import org.sightline.vision.testing.TestFonts;

/**
 * The describer with the user's server set in the settings, against a real HTTP server on loopback that
 * streams chat completions; the capture's text is read by the real OCR model first.
 */
class VisionDescribeServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<List<String>> pieces = new AtomicReference<>(List.of("A login", " form", "."));
    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.defaults());
    private VisionDescribeService describer;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void describer() {
        CatalogModelStore store = ModelStores.standard();
        describer = new VisionDescribeService(new Describer(store, new TextReader(store),
                VisionLanguageProviders.standard(), (c, t, context) -> java.util.Map.of()), settings::get);
    }

    @AfterEach
    void stop() {
        describer.close();
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering every request with {@link #pieces}, one streamed event each; its base address. */
    private String server() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            requests.add(JSON.readTree(ex.getRequestBody()));
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream body = ex.getResponseBody();
            for (String piece : pieces.get()) {
                String event = JSON.writeValueAsString(JSON.createObjectNode().set("choices", JSON.createArrayNode()
                        .add(JSON.createObjectNode().set("delta", JSON.createObjectNode().put("content", piece)))));
                body.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            body.write("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n".getBytes(StandardCharsets.UTF_8));
            body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static Capture screen() {
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 400);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 28));
        g.drawString("Sign in", 40, 80);
        g.setColor(Color.BLUE);
        g.fillRect(40, 200, 200, 60);
        g.dispose();
        return Capture.ofImage(img, CaptureSource.FILE, "screen.png");
    }

    private String ask(Capture capture, String question, List<String> streamed) {
        return describer.describe(new DescribeRequest(capture, question, List.of()), TaskContext.none(), streamed::add);
    }

    @Test
    void theUserHearsTheImageLeavesFirstThenTheAnswerStreamsAndAFollowUpContinuesTheConversation() throws Exception {
        String url = server();
        settings.set(Settings.defaults().withRemote(url, "llava", "secret-key"));
        Capture capture = screen();

        List<String> streamed = new ArrayList<>();
        String answer = ask(capture, null, streamed);
        assertThat(streamed.get(0)).contains("127.0.0.1").contains("leave this computer");
        assertThat(streamed.subList(1, streamed.size())).containsExactly("A login", " form", ".");
        assertThat(answer).startsWith(streamed.get(0)).endsWith("A login form.");
        assertThat(answer).doesNotContain("secret-key");

        pieces.set(List.of("It is blue."));
        List<String> followUp = new ArrayList<>();
        assertThat(ask(capture, "What colour is the button?", followUp)).isEqualTo("It is blue.");
        assertThat(followUp).containsExactly("It is blue.");

        assertThat(requests).hasSize(2);
        assertThat(authorizations).containsOnly("Bearer secret-key");
        assertThat(requests.get(0).path("model").asText()).isEqualTo("llava");
        JsonNode history = requests.get(1).path("messages");
        assertThat(history).hasSize(4);
        assertThat(history.path(1).path("content").path(0).path("image_url").path("url").asText())
                .startsWith("data:image/png;base64,");
        assertThat(history.path(2).path("content").asText()).isEqualTo("A login form.");
        assertThat(history.path(3).path("content").asText()).isEqualTo("What colour is the button?");
    }

    @Test
    void aNewCaptureOrAChangedServerStartsAgainWithTheStatement() throws Exception {
        String first = server();
        String second = server();
        settings.set(Settings.defaults().withRemote(first, "llava", ""));
        List<String> streamed = new ArrayList<>();
        ask(screen(), null, streamed);
        assertThat(streamed.get(0)).contains("leave this computer");

        settings.set(Settings.defaults().withRemote(second, "llava", ""));
        streamed.clear();
        String answer = ask(screen(), null, streamed);
        assertThat(streamed.get(0)).contains(second.substring("http://".length(), second.indexOf("/v1")));
        assertThat(answer).endsWith("A login form.");
        assertThat(requests).hasSize(2);
        // A server without a key gets no Authorization header at all.
        assertThat(authorizations).containsOnly("null");
        assertThat(requests.get(1).path("messages")).hasSize(2);
    }

    @Test
    void aBlankCaptureSendsNothingAndSaysNothingAboutLeaving() throws Exception {
        settings.set(Settings.defaults().withRemote(server(), "llava", ""));
        BufferedImage black = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        List<String> streamed = new ArrayList<>();
        assertThatThrownBy(() -> ask(Capture.ofImage(black, CaptureSource.FILE, "black.png"), null, streamed))
                .hasMessageContaining("The capture is blank");
        assertThat(streamed).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void anAddressFromAHandEditedFileThatIsNotHttpIsBadInput() {
        settings.set(Settings.defaults().withRemote("ftp://example.org/v1", "llava", ""));
        assertThatThrownBy(() -> ask(screen(), null, new ArrayList<>()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("http://");
                });
    }

    @Test
    void withoutAModelTheSummaryComesWithTheWayToAModelOnceAndThenAlone(@TempDir Path cache) {
        CatalogModelStore empty = new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(false));
        try (TextReader reader = new TextReader(empty);
             VisionDescribeService local = new VisionDescribeService(new Describer(empty, reader,
                     VisionLanguageProviders.standard(), (c, t, context) -> java.util.Map.of("button", 1)))) {
            List<String> streamed = new ArrayList<>();
            String first = local.describe(new DescribeRequest(screen(), null, List.of()), TaskContext.none(),
                    streamed::add);
            assertThat(first).startsWith("No description model is installed, so here is a summary")
                    .contains("Sign in").contains("It has 1 button.")
                    .contains("A description model, SmolVLM-256M-Instruct, can be downloaded")
                    .endsWith(" Ctrl+M opens the model manager.");
            assertThat(streamed).containsExactly(first);

            String second = local.describe(new DescribeRequest(screen(), "What is blue?", List.of()),
                    TaskContext.none(), s -> { });
            assertThat(second).startsWith("Answering questions needs a description model")
                    .doesNotContain("can be downloaded").doesNotContain("Ctrl+M");
        }
        assertThat(requests).isEmpty();
    }
}
