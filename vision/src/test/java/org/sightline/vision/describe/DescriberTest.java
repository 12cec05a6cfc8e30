package org.sightline.vision.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.testing.TestFonts;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.VisionLanguageProviders;

/**
 * The describe use case end to end: the real PP-OCR model reads the capture, answers come from the tiny SmolVLM
 * graphs or from a real HTTP server on loopback, and an empty cache gives the summary.
 */
class DescriberTest {

    private static final Path TINY = Path.of("src/test/resources/vlm/smolvlm-tiny");

    @TempDir
    Path cache;
    private Locale saved;
    private HttpServer server;
    private final AtomicReference<String> reply = new AtomicReference<>("A sign-in form.");
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger counted = new AtomicInteger();
    private TextReader reader;
    private Describer describer;

    @BeforeEach
    void setUp() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        CatalogModelStore store = new CatalogModelStore(Catalog.builtIn(),
                ModelStoreConfig.defaults().withCacheDirectory(cache).withOffline(true));
        reader = new TextReader(store);
        ElementCounts counts = (capture, text, context) -> {
            counted.incrementAndGet();
            return ElementCounts.fromElementMap().count(capture, text, context);
        };
        describer = new Describer(store, reader, VisionLanguageProviders.discover(), counts);
    }

    @AfterEach
    void tearDown() {
        describer.close();
        reader.close();
        if (server != null) {
            server.stop(0);
        }
        Messages.setLocale(saved);
    }

    /** A loopback server streaming {@link #reply} in two pieces; its API root. */
    private String server() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream body = ex.getResponseBody();
            String text = reply.get();
            int half = text.length() / 2;
            for (String piece : new String[] {text.substring(0, half), text.substring(half)}) {
                String escaped = piece.replace("\\", "\\\\").replace("\"", "\\\"");
                body.write(("data: {\"choices\":[{\"delta\":{\"content\":\"" + escaped + "\"}}]}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A sign-in page: a heading and a bordered button. */
    private static Capture signIn() {
        BufferedImage img = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 500);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.BOLD, 40));
        g.drawString("Welcome back", 60, 90);
        g.setFont(TestFonts.sans(Font.PLAIN, 20));
        g.drawString("Enter your name and password to continue.", 60, 150);
        g.setColor(new Color(0x1A73E8));
        g.fillRoundRect(60, 220, 180, 50, 8, 8);
        g.setColor(Color.WHITE);
        g.drawString("Sign in", 115, 252);
        g.dispose();
        return Capture.ofImage(img, CaptureSource.FILE, "sign-in.png");
    }

    private record Heard(List<String> pieces, List<String> statements) implements Describer.Listener {
        Heard() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void onText(String piece) {
            pieces.add(piece);
        }

        @Override
        public void onPrivacyStatement(String statement) {
            statements.add(statement);
        }

        @Override
        public void onNotice(String sentence) {
            statements.add(sentence);
        }
    }

    @Test
    void aBlankCaptureIsAnsweredBeforeAnyModelLoads() throws Exception {
        BufferedImage black = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Heard heard = new Heard();
        Description said = describer.describe(BackendChoice.remote(server(), "llava", null),
                Describer.Request.of(Capture.ofImage(black, CaptureSource.FILE, "black"), null), heard,
                TaskContext.none());
        assertThat(said.kind()).isEqualTo(Description.Kind.BLANK);
        assertThat(said.text()).isEqualTo("The capture is blank; is a screen curtain on?");
        assertThat(heard.pieces()).isEmpty();
        assertThat(heard.statements()).isEmpty();
        assertThat(requests).hasValue(0);
        assertThat(reader.isLoaded()).as("OCR not loaded for a blank capture").isFalse();
    }

    @Test
    void withoutAModelTheSummaryCountsTheControlsAndOffersAModelOnce() {
        Capture capture = signIn();
        Description first = describer.describe(BackendChoice.installedModel(), Describer.Request.of(capture, null),
                new Heard(), TaskContext.none());
        assertThat(first.kind()).isEqualTo(Description.Kind.SUMMARY);
        assertThat(first.text()).startsWith("No description model is installed, so here is a summary")
                .contains("Welcome back").contains("It has ");
        assertThat(counted).hasValue(1);
        assertThat(first.downloadHint()).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("A description model, SmolVLM-256M-Instruct,"));

        Description question = describer.describe(BackendChoice.installedModel(),
                Describer.Request.of(capture, Question.of("What is the button for?")), new Heard(), TaskContext.none());
        assertThat(question.text()).startsWith("Answering questions needs a description model");
        assertThat(question.downloadHint()).as("offered once").isEmpty();

        assertThat(describer.summarise(capture, TaskContext.none()))
                .startsWith("Here is a summary of the text and layout.");
    }

    @Test
    void withoutAModelQuestionsAboutTheTextAreAnsweredFromTheText() {
        Capture capture = signIn();
        Description says = describer.describe(BackendChoice.installedModel(),
                Describer.Request.of(capture, Question.of("What does this page say?")), new Heard(),
                TaskContext.none());
        assertThat(says.kind()).isEqualTo(Description.Kind.SUMMARY);
        assertThat(says.text()).startsWith("The text reads, in 3 lines:\n").contains("Welcome back")
                .contains("Enter your name and password to continue.").contains("Sign in");
        assertThat(says.downloadHint()).as("an answer, not a refusal: no model offered").isEmpty();

        Description heading = describer.describe(BackendChoice.installedModel(),
                Describer.Request.of(capture, Question.of("what is the main heading?")), new Heard(),
                TaskContext.none());
        assertThat(heading.text()).isEqualTo("The main heading reads: \u201cWelcome back\u201d.");

        Description other = describer.describe(BackendChoice.installedModel(),
                Describer.Request.of(capture, Question.of("Is it safe to sign in here?")), new Heard(),
                TaskContext.none());
        assertThat(other.text()).startsWith("Answering questions needs a description model");
    }

    @Test
    void aModelTheUserNamedThatIsNotInstalledIsAnErrorNotASummary() {
        String named = Catalog.builtIn().defaultFor("vlm").orElseThrow().id();
        assertThatThrownBy(() -> describer.describe(BackendChoice.installed(named),
                Describer.Request.of(signIn(), null), new Heard(), TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MODEL_MISSING));
    }

    @Test
    void theTinyModelAnswersAndAFollowUpContinuesTheConversation() {
        BackendChoice choice = BackendChoice.folder(TINY).withFast(true)
                .withGeneration(GenerationSettings.defaults().withMaxNewTokens(6));
        Capture capture = signIn();
        Heard heard = new Heard();
        Description first = describer.describe(choice, Describer.Request.of(capture, null), heard, TaskContext.none());
        assertThat(first.kind()).isEqualTo(Description.Kind.ANSWER);
        // The pieces are the answer as written, its leading space included; the answer's text is trimmed.
        assertThat(first.text()).isNotBlank().isEqualTo(String.join("", heard.pieces()).strip());
        assertThat(heard.statements()).as("a local model keeps the image here").isEmpty();
        Description followUp = describer.describe(choice,
                Describer.Request.of(capture, Question.of("What colour is the button?")), new Heard(),
                TaskContext.none());
        assertThat(followUp.kind()).isEqualTo(Description.Kind.ANSWER);
        assertThat(followUp.text()).isNotBlank();
    }

    @Test
    void aQuickLookOffersACloserOneWhichAsksTheSameQuestionAgainWithEveryTile() {
        BackendChoice quick = BackendChoice.folder(TINY).withFast(true)
                .withGeneration(GenerationSettings.defaults().withMaxNewTokens(4));
        Capture capture = signIn();
        List<Progress> firstLook = new ArrayList<>();
        Description first = describer.describe(quick, Describer.Request.of(capture, Question.of("What is on the form?")),
                new Heard(), TaskContext.of(new CancellationToken(), firstLook::add));
        assertThat(first.closerLook()).hasValue(
                "That was a quick look at the whole image. For more detail, ask me to look closer.");
        assertThat(views(firstLook)).isEqualTo(1);

        List<Progress> closer = new ArrayList<>();
        Description again = describer.describe(quick, Describer.Request.of(capture, Question.of("Look closer")),
                new Heard(), TaskContext.of(new CancellationToken(), closer::add));
        assertThat(again.kind()).isEqualTo(Description.Kind.ANSWER);
        assertThat(again.closerLook()).as("a full look offers nothing closer").isEmpty();
        assertThat(views(closer)).as("every tile and the whole image").isGreaterThan(1);

        List<Progress> after = new ArrayList<>();
        describer.describe(quick, Describer.Request.of(capture, Question.of("more detail")), new Heard(),
                TaskContext.of(new CancellationToken(), after::add));
        assertThat(views(after)).as("already a full look: an ordinary follow-up, nothing encoded again").isZero();
    }

    @Test
    void aCloserLookAtANamedPartLooksAtThatPartWithEveryTileAndSaysSo() {
        BackendChoice quick = BackendChoice.folder(TINY).withFast(true)
                .withGeneration(GenerationSettings.defaults().withMaxNewTokens(4));
        Capture capture = signIn();
        describer.describe(quick, Describer.Request.of(capture, Question.of("What is on the form?")), new Heard(),
                TaskContext.none());

        List<Progress> whole = new ArrayList<>();
        describer.describe(quick, Describer.Request.of(capture, Question.of("Look closer")), new Heard(),
                TaskContext.of(new CancellationToken(), whole::add));
        List<Progress> corner = new ArrayList<>();
        Heard heard = new Heard();
        Description closer = describer.describe(quick,
                Describer.Request.of(capture, Question.of("look closer at the top right")), heard,
                TaskContext.of(new CancellationToken(), corner::add));
        assertThat(closer.kind()).isEqualTo(Description.Kind.ANSWER);
        assertThat(heard.statements()).containsExactly("Looking closer at the top right of the image.");
        // The part is enlarged to the full look's size, as the reference processor does any image: the same
        // number of tiles, each showing the corner at two and a half times the detail.
        assertThat(views(corner)).as("every tile of the corner").isEqualTo(views(whole)).isGreaterThan(1);

        List<Progress> again = new ArrayList<>();
        describer.describe(quick, Describer.Request.of(capture, Question.of("zoom in on the top right")), new Heard(),
                TaskContext.of(new CancellationToken(), again::add));
        assertThat(views(again)).as("the same part again: a follow-up, nothing encoded again").isZero();

        List<Progress> back = new ArrayList<>();
        describer.describe(quick, Describer.Request.of(capture, Question.of("look closer")), new Heard(),
                TaskContext.of(new CancellationToken(), back::add));
        assertThat(views(back)).as("the whole image again: every view already encoded, none encoded again").isZero();
    }

    /** The number of views the vision encoder reported looking at, 0 when it did not run. */
    private static long views(List<Progress> progress) {
        return progress.stream().filter(p -> p.message() != null && p.message().startsWith("Looking at part"))
                .mapToLong(Progress::total).max().orElse(0);
    }

    @Test
    void aServerAnswerQuotingTextNotOnTheCaptureGetsACautionAndTheStatementComesOncePerCapture() throws Exception {
        BackendChoice choice = BackendChoice.remote(server(), "llava", null);
        Capture capture = signIn();
        reply.set("The button says \"Create account\".");
        Heard heard = new Heard();
        Description said = describer.describe(choice, Describer.Request.of(capture, null), heard, TaskContext.none());
        assertThat(heard.statements()).singleElement().asString().contains("leave this computer");
        assertThat(said.text()).isEqualTo("The button says \"Create account\".");
        assertThat(said.caution()).hasValueSatisfying(c -> assertThat(c)
                .isEqualTo("Careful: the answer quotes \"Create account\", but text recognition did not find that "
                        + "on the image."));

        reply.set("The button says \"Sign in\".");
        Heard again = new Heard();
        Description grounded = describer.describe(choice,
                Describer.Request.of(capture, Question.of("What does the button say?")), again, TaskContext.none());
        assertThat(again.statements()).as("said once per capture").isEmpty();
        assertThat(grounded.caution()).isEmpty();
        assertThat(requests).hasValue(2);
    }

    @Test
    void textGivenWithTheRequestIsUsedInsteadOfOcrForTheQuoteCheck() throws Exception {
        reply.set("The button says \"Create account\".");
        Description said = describer.describe(BackendChoice.remote(server(), "llava", null),
                new Describer.Request(signIn(), null, false, "Create account"), new Heard(), TaskContext.none());
        assertThat(said.caution()).isEmpty();
        assertThat(reader.isLoaded()).as("no OCR when the text is given").isFalse();
    }

    @Test
    void aMalformedServerAddressIsBadInputBeforeAnythingIsSent() {
        assertThatThrownBy(() -> describer.describe(BackendChoice.remote("httpx://localhost/v1", "llava", null),
                Describer.Request.of(signIn(), null), new Heard(), TaskContext.none()))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT);
                    assertThat(e.getMessage()).contains("http://");
                });
    }
}
