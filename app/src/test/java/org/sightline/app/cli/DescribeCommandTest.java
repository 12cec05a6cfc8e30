package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;
import org.sightline.vision.testing.TestFonts;

/** {@code sightline describe} run as a user runs it, on the tiny SmolVLM graphs and a loopback server. */
class DescribeCommandTest {

    private static final Path TINY = Path.of("../vision/src/test/resources/vlm/smolvlm-tiny");

    @TempDir
    Path dir;
    private Locale saved;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<HttpServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        ModelStores.configure(ModelStoreConfig.defaults().withCacheDirectory(dir.resolve("cache")).withOffline(true));
    }

    @AfterEach
    void tearDown() {
        servers.forEach(server -> server.stop(0));
        Messages.setLocale(saved);
        ModelStores.configure(ModelStoreConfig.fromEnvironment());
    }

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path picture() throws IOException {
        BufferedImage img = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 800);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 1280, 90);
        g.setColor(Color.ORANGE);
        g.fillRect(800, 600, 300, 80);
        g.dispose();
        Path p = dir.resolve("screen.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static final String BODY = "Your order has been shipped today.";

    /** A page with a large heading and body text, as a shop's confirmation page might look. */
    private Path textPicture() throws IOException {
        BufferedImage img = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 800);
        g.setColor(new Color(0x0B3D91));
        g.fillRect(0, 0, 1280, 200);
        g.setColor(Color.WHITE);
        g.setFont(TestFonts.sans(Font.BOLD, 60));
        g.drawString("Order Status", 80, 130);
        g.setColor(new Color(0x202020));
        g.setFont(TestFonts.sans(Font.PLAIN, 22));
        g.drawString(BODY, 80, 300);
        g.drawString("It should arrive on Tuesday.", 80, 334);
        g.dispose();
        Path p = dir.resolve("order.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void withNoDescriptionModelInstalledTheTextAndLayoutAreSummarisedAndTheModelOffered() throws IOException {
        assertThat(run("describe", textPicture().toString())).isZero();
        assertThat(out().strip()).doesNotContain("\n")
                .startsWith("No description model is installed, so here is a summary of the text and layout. Title: Order Status. ")
                .contains("It begins: " + BODY)
                .endsWith("Mostly white with dark blue; light overall.");
        assertThat(err().strip()).doesNotContain("\n").startsWith("A description model, SmolVLM-256M-Instruct, can be downloaded (about ")
                .contains("sightline models pull smolvlm-256m");
        // The OCR models came from the bundled jar into the empty cache; no description model appeared.
        assertThat(dir.resolve("cache").resolve("ppocr-v4")).isDirectory();
        assertThat(Files.exists(dir.resolve("cache").resolve("smolvlm-256m"))).isFalse();
    }

    @Test
    void aQuestionWithNoDescriptionModelIsAnsweredHonestlyWithTheSummary() throws IOException {
        assertThat(run("describe", textPicture().toString(), "--question", "What colour is the car?")).isZero();
        assertThat(out()).startsWith("Answering questions needs a description model, and none is installed. "
                + "Here is a summary of the text and layout instead. Title: Order Status.");
        assertThat(err()).contains("sightline models pull smolvlm-256m");
    }

    @Test
    void theRegionsAndTheMainContentAreAnsweredFromTheLayout() throws IOException {
        Path page = textPicture();
        assertThat(run("describe", page.toString(), "--question", "list the regions")).isZero();
        assertThat(out().strip()).isEqualTo("The page has 2 regions: header, one line; main content, 2 lines.");
        assertThat(run("describe", page.toString(), "--question", "read the main content")).isZero();
        assertThat(out()).contains("The main content reads, in 2 lines:\n" + BODY + "\nIt should arrive on Tuesday.")
                .doesNotContain("Order Status");
    }

    @Test
    void aBlankImageIsReportedAsBlankBeforeAnySummary() throws IOException {
        Path black = dir.resolve("black.png");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB), "png", black.toFile());
        assertThat(run("describe", black.toString())).isZero();
        assertThat(out()).isEqualTo("The capture is blank; is a screen curtain on?" + System.lineSeparator());
        assertThat(err()).isEmpty();
    }

    @Test
    void theSummaryCannotAnswerAQuestion() throws IOException {
        assertThat(run("describe", picture().toString(), "--summary", "--question", "Is it red?")).isEqualTo(2);
        assertThat(err()).contains("cannot answer questions");
        assertThat(out()).isEmpty();
    }

    @Test
    void aBlankImageIsReportedWithoutAnyModel() throws IOException {
        Path black = dir.resolve("black.png");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB), "png", black.toFile());
        assertThat(run("describe", black.toString(), "--model", "smolvlm-256m")).isZero();
        assertThat(out()).isEqualTo("The capture is blank; is a screen curtain on?" + System.lineSeparator());
    }

    @Test
    void aModelThatIsNotInstalledExitsWithFourAndTheInstallCommand() throws IOException {
        assertThat(run("describe", picture().toString(), "--model", "smolvlm-256m")).isEqualTo(4);
        assertThat(err().strip()).doesNotContain("\n").contains("sightline models pull smolvlm-256m");
        assertThat(out()).isEmpty();
    }

    @Test
    void theTinyModelRunsTheWholePipelineWithAFollowUp() throws IOException {
        assertThat(run("describe", picture().toString(), "--model-dir", TINY.toString(), "--max-tokens", "12",
                "--follow-up", "What colour is the button?")).isZero();
        // The answer, a blank line, the follow-up and its answer; an answer may have lines of its own.
        String[] answers = out().strip().split("\\R\\R> What colour is the button\\?\\R");
        assertThat(answers).hasSize(2);
        assertThat(answers[0]).isNotBlank();
        assertThat(answers[1]).isNotBlank().doesNotContain("> ");
        assertThat(err()).doesNotContain("leave this computer");
    }

    @Test
    void aQuestionInFastModeAnswersToo() throws IOException {
        assertThat(run("describe", picture().toString(), "--model-dir", TINY.toString(), "--fast", "--max-tokens", "5",
                "--question", "Is there a button?")).isZero();
        assertThat(out().strip()).isNotEmpty();
    }

    @Test
    void aBrokenModelFolderIsBadInput() throws IOException {
        assertThat(run("describe", picture().toString(), "--model-dir", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("has no vision_encoder.onnx");
    }

    /** A loopback server streaming {@code pieces} as one answer to every request; stopped with the test. */
    private String server(String... pieces) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream body = ex.getResponseBody();
            for (String piece : pieces) {
                String escaped = piece.replace("\"", "\\\"");
                body.write(("data: {\"choices\":[{\"delta\":{\"content\":\"" + escaped + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void aRemoteServerStreamsTheAnswerAndTheUserIsToldTheImageLeaves() throws IOException {
        String url = server("A window", " with an orange", " button.");
        assertThat(run("describe", picture().toString(), "--remote", url, "--remote-model", "llava")).isZero();
        assertThat(out().strip()).isEqualTo("A window with an orange button.");
        assertThat(err()).contains("leave this computer");
    }

    @Test
    void anAnswerQuotingTextThatOcrDidNotFindIsFollowedByTheCaution() throws IOException {
        String url = server("The page says ", "\"Order cancelled\".");
        assertThat(run("describe", textPicture().toString(), "--remote", url)).isZero();
        String[] lines = out().strip().split("\\R");
        assertThat(lines).containsExactly("The page says \"Order cancelled\".",
                "Careful: the answer quotes \"Order cancelled\", but text recognition did not find that on the image.");
    }

    @Test
    void anAnswerQuotingTextOnTheImageHasNoCaution() throws IOException {
        String url = server("The heading says ", "\"Order Status\".");
        assertThat(run("describe", textPicture().toString(), "--remote", url)).isZero();
        assertThat(out().strip()).isEqualTo("The heading says \"Order Status\".");
    }

    @Test
    void aServerAddressThatIsNotHttpWithAHostIsRefused() throws IOException {
        assertThat(run("describe", picture().toString(), "--remote", "httpx://localhost/v1")).isEqualTo(3);
        assertThat(err()).contains("--remote needs an http or https address");
        assertThat(run("describe", picture().toString(), "--remote", "http:///v1")).isEqualTo(3);
    }

    @Test
    void theSummaryCountsTheControlsOnTheImage() throws IOException {
        assertThat(run("describe", textPicture().toString(), "--summary")).isZero();
        assertThat(out()).startsWith("Here is a summary of the text and layout.").contains("It has 1 heading");
    }

    @Test
    void theHelpNamesTheCatalogsDescriptionModelAsTheDefault() {
        assertThat(run("describe", "--help")).isZero();
        assertThat(out()).contains("(default: smolvlm-256m)");
    }

    @Test
    void aMissingImageIsBadInput() {
        assertThat(run("describe", dir.resolve("nope.png").toString())).isEqualTo(3);
        assertThat(err()).contains("There is no file at");
    }
}
