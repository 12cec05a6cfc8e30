package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.CaptureService;
import org.sightline.app.assistant.ElementService;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltDescribeService;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.assistant.WindowRef;
import org.sightline.app.browse.BrowseViewModel;
import org.sightline.app.browse.RecordingDesktopInput;
import org.sightline.app.browse.ScreenActions;
import org.sightline.app.settings.Settings;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementType;

/** Browse mode and requests about the screen's elements, as the chat window runs them, without a toolkit. */
class ChatBrowseTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 200, 30);
        g.dispose();
        return img;
    }

    /** Captures of the screen (clickable) and of the window the user came from, which it records. */
    private static final class ScreenCapture implements CaptureService {
        final List<WindowRef> windows = new ArrayList<>();

        @Override
        public Capture captureScreen(TaskContext context) {
            return new Capture(page(), CaptureSource.SCREEN, new Rectangle(0, 0, 400, 300), 1.0, "the screen",
                    Instant.now());
        }

        @Override
        public Capture captureActiveWindow(WindowRef window, TaskContext context) {
            windows.add(window);
            return new Capture(page(), CaptureSource.WINDOW, new Rectangle(0, 0, 400, 300), 1.0,
                    "window " + window.title(), Instant.now());
        }

        @Override
        public Capture captureRegionAroundPointer(int size, TaskContext context) {
            return captureScreen(context);
        }

        @Override
        public Capture cameraSnapshot(TaskContext context) {
            return captureScreen(context);
        }
    }

    /** A page with a heading, two links and a Sign in button; counts how often it is asked. */
    private static final class LoginPage implements ElementService {
        int calls;

        @Override
        public ElementMap elements(Capture capture, TaskContext context) {
            calls++;
            return new ElementMap(List.of(
                    element(ElementType.HEADING, "Northwind Bank", 20, 20),
                    element(ElementType.LINK, "Personal", 20, 80),
                    element(ElementType.LINK, "Help", 20, 120),
                    element(ElementType.BUTTON, "Sign in", 20, 200)), 400, 300, true);
        }

        private static Element element(ElementType type, String label, int x, int y) {
            Rectangle box = new Rectangle(x, y, 120, 24);
            return new Element(type, label, box, box, 0.9);
        }
    }

    private final ScreenCapture capture = new ScreenCapture();
    private final LoginPage elements = new LoginPage();

    /** A window switch that records Sightline's moves aside and back. */
    private static final class MovesRecorded implements ChatViewModel.WindowSwitch {
        final List<String> moves = new ArrayList<>();
        boolean inFront;

        MovesRecorded(boolean inFront) {
            this.inFront = inFront;
        }

        @Override
        public void stepAside() {
            moves.add("aside");
        }

        @Override
        public void comeBack() {
            moves.add("back");
        }

        @Override
        public boolean inFront() {
            return inFront;
        }
    }

    private ChatViewModel model() {
        Assistant assistant = new Assistant(capture, new NotBuiltReadService(), new NotBuiltDescribeService(),
                new NotBuiltActiveWindowTracker(), elements);
        return new ChatViewModel(assistant, speech, new SynchronousTaskExecutor(), Runnable::run,
                Settings::defaults, text -> { }, System::nanoTime);
    }

    @Test
    void aRequestForTheLinksIsAnsweredFromTheMapNotTheDescriber() {
        ChatViewModel m = model();
        m.describeScreen(); // fails (no describer here) but leaves the capture to ask about
        m.ask("list the links");
        assertThat(m.lastAnswer()).contains("Personal").contains("Help").doesNotContain("Sign in");
        assertThat(elements.calls).isEqualTo(1);
        assertThat(m.browsing()).isEmpty();
    }

    @Test
    void aQuestionForTheTextItselfGoesToTheDescriberAsOnTheCommandLine() {
        ChatViewModel m = model();
        m.describeScreen();
        int mapped = elements.calls;
        m.ask("read the main heading");
        assertThat(elements.calls).as("not answered as a list of headings from the element map").isEqualTo(mapped);
        m.ask("list the headings");
        assertThat(m.lastAnswer()).contains("Northwind Bank");
    }

    @Test
    void browseModeWalksTheElementsByKey() {
        ChatViewModel m = model();
        m.describeScreen();
        m.browse(null);
        assertThat(m.browsing()).isPresent();
        assertThat(m.transcriptProperty().get()).contains("Northwind Bank, heading", "Sign in, button");
        BrowseViewModel browse = m.browsing().orElseThrow();
        browse.key(BrowseViewModel.Key.B, false);
        assertThat(speech.lastSpoken()).isEqualTo("Sign in, button");
        assertThat(browse.key(BrowseViewModel.Key.ESCAPE, false)).isEqualTo(BrowseViewModel.Outcome.LEFT_BROWSE_MODE);
    }

    @Test
    void browseModeOnAnotherPictureSaysFirstWhatItLookedAt() {
        ChatViewModel m = model();
        m.describeScreen();
        m.ask("list the links"); // the user has now heard about the screen
        m.browse(new WindowRef(0x4a00007L, "Library"));
        assertThat(speech.spoken()).contains("Looked at window Library. Browse mode, 4 elements. Arrows move, H heading,"
                + " K link, B button, F form field, G graphic, D region, Shift goes back, Enter activates, Escape"
                + " leaves.");
        m.browsing().orElseThrow().key(BrowseViewModel.Key.ESCAPE, false);

        m.browse(new WindowRef(0x4a00007L, "Library")); // the same window again: nothing new to name
        assertThat(speech.spoken().get(speech.spoken().size() - 2)).startsWith("Browse mode, 4 elements.");
    }

    @Test
    void aClickHappensOnlyAfterTheConfirmationKey() throws Exception {
        ChatViewModel m = model();
        RecordingDesktopInput input = new RecordingDesktopInput();
        try (ScreenActions actions = new ScreenActions(input, speech, Duration.ofMillis(10))) {
            m.useScreenActions(() -> actions);
            m.describeScreen();
            m.ask("click log in");
            BrowseViewModel browse = m.browsing().orElseThrow();
            assertThat(browse.state()).isEqualTo(BrowseViewModel.State.CONFIRMING);
            assertThat(speech.lastSpoken()).contains("Sign in");
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(input.events()).isEmpty();

            browse.key(BrowseViewModel.Key.ENTER, false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!input.events().contains("click") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(input.events()).containsExactly("move 80,212", "click");
        }
    }

    @Test
    void aRequestsConfirmationNeverTrapsTheQuestionAndAnActionEndsBrowseMode() throws Exception {
        ChatViewModel m = model();
        RecordingDesktopInput input = new RecordingDesktopInput();
        try (ScreenActions actions = new ScreenActions(input, speech, Duration.ofMillis(10))) {
            m.useScreenActions(() -> actions);
            m.describeScreen();
            m.ask("click log in");
            BrowseViewModel browse = m.browsing().orElseThrow();
            assertThat(m.browseModeNow()).isEqualTo(
                    "Browse mode, waiting for you: Press Enter to click Sign in button, or Escape to cancel.");
            // The user goes on typing a question: the first letter cancels, and it is the question's, not a key.
            assertThat(browse.key(BrowseViewModel.Key.H, false)).isEqualTo(BrowseViewModel.Outcome.LEFT_AND_PASSED);
            assertThat(speech.lastSpoken()).isEqualTo("Cancelled.");
            m.leaveBrowse();
            assertThat(m.browsing()).isEmpty();
            assertThat(m.browseModeNow()).isEmpty();
            m.ask("click log in");
            assertThat(m.browsing().orElseThrow().typed("w")).isEqualTo(BrowseViewModel.Outcome.LEFT_AND_PASSED);
            m.leaveBrowse();
            assertThat(input.events()).isEmpty();

            // Confirmed: the click happens, and then browse mode ends and says so, after the check.
            m.ask("click log in");
            m.browsing().orElseThrow().key(BrowseViewModel.Key.ENTER, false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (m.browsing().isPresent() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(input.events()).containsExactly("move 80,212", "click");
            assertThat(m.browsing()).isEmpty();
            assertThat(speech.spoken()).doesNotContain("Done.");
            assertThat(speech.spoken().subList(speech.spoken().size() - 2, speech.spoken().size())).containsExactly(
                    "Clicked Sign in button; Sightline could not look at the screen again to check what happened.",
                    "Browse mode is off; the screen may have changed. Ctrl+Shift+B browses it again.");
        }
    }

    @Test
    void browseModeTheUserOpenedSaysWhereItIsForSomeoneComingBack() {
        ChatViewModel m = model();
        m.describeScreen();
        m.browse(null);
        BrowseViewModel browse = m.browsing().orElseThrow();
        browse.key(BrowseViewModel.Key.B, false);
        assertThat(m.browseModeNow()).matches("Browse mode, \\d+ elements, on Sign in, button\\. Escape leaves browse mode\\.");
        // Letters are browse keys here: the user asked for browse mode and heard it announced.
        assertThat(browse.typed("w")).isEqualTo(BrowseViewModel.Outcome.IGNORED);
        assertThat(browse.key(BrowseViewModel.Key.K, false)).isEqualTo(BrowseViewModel.Outcome.HANDLED);
    }

    @Test
    void describingTheScreenOrTheRegionLeavesSightlineOutOnlyWhenTheKeyWasPressedInIt() {
        ChatViewModel m = model();
        MovesRecorded sw = new MovesRecorded(true);
        List<String> moves = sw.moves;
        m.useWindowSwitch(sw);
        m.describeScreen();
        m.describeRegion();
        assertThat(moves).containsExactly("aside", "back", "aside", "back");
        // From another program (a global key): nothing moves, the focus stays where the user is.
        sw.inFront = false;
        moves.clear();
        m.describeScreen();
        assertThat(moves).isEmpty();
    }

    @Test
    void theWindowKeyLooksAtTheWindowTheUserCameFromWithSightlineSteppedAside() {
        ChatViewModel m = model();
        MovesRecorded sw = new MovesRecorded(false);
        List<String> moves = sw.moves;
        m.useWindowSwitch(sw);
        WindowRef editor = new WindowRef(0x4a00007L, "Invoice - Editor");
        m.rememberPreviousWindow(editor);
        m.describePreviousWindow();
        assertThat(capture.windows).containsExactly(editor);
        assertThat(moves).containsExactly("aside", "back");
        assertThat(m.transcriptProperty().get()).contains("Invoice - Editor");
    }
}
