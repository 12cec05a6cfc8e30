package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.CaptureService;
import org.sightline.app.assistant.DescribeRequest;
import org.sightline.app.assistant.DescribeService;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.assistant.ReadService;
import org.sightline.app.assistant.WindowRef;
import org.sightline.app.settings.Settings;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.CancellationToken;
import org.sightline.task.Progress;
import org.sightline.task.SynchronousTaskExecutor;
import org.sightline.task.Task;
import org.sightline.task.TaskContext;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskHandle;
import org.sightline.task.TaskListener;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;

/** The chat window's behaviour with no JavaFX toolkit running: synchronous tasks, recorded speech. */
class ChatViewModelTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final List<String> clipboard = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** A screen capture port that returns a drawn picture, named like the capture module names windows. */
    private static class PictureCapture implements CaptureService {
        final List<WindowRef> windows = new ArrayList<>();
        int regionSize;

        @Override
        public Capture captureScreen(TaskContext context) {
            return Capture.ofImage(picture(), CaptureSource.SCREEN, "screen 64x48");
        }

        @Override
        public Capture captureActiveWindow(WindowRef window, TaskContext context) {
            windows.add(window);
            return Capture.ofImage(picture(), CaptureSource.WINDOW, "window " + window.title());
        }

        @Override
        public Capture captureRegionAroundPointer(int size, TaskContext context) {
            regionSize = size;
            return Capture.ofImage(picture(), CaptureSource.REGION, "region");
        }

        @Override
        public Capture cameraSnapshot(TaskContext context) {
            return Capture.ofImage(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), CaptureSource.CAMERA,
                    "camera");
        }
    }

    /** Streams its answer in pieces and remembers the requests, like the VLM adapter will. */
    private static final class StreamingDescriber implements DescribeService {
        final List<DescribeRequest> requests = new ArrayList<>();

        @Override
        public String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
            requests.add(request);
            context.progress(new Progress(1, 2, "half"));
            String answer = request.question() == null
                    ? "A red rectangle on white. Nothing else is visible." : "It is red.";
            for (String piece : answer.split("(?<= )")) {
                context.cancellation().throwIfCancelled();
                tokens.accept(piece);
            }
            return answer;
        }
    }

    private ChatViewModel model(Assistant assistant, TaskExecutor executor) {
        return new ChatViewModel(assistant, speech, executor, Runnable::run, Settings::defaults, clipboard::add,
                clock::get);
    }

    private ChatViewModel model(Assistant assistant) {
        return model(assistant, new SynchronousTaskExecutor());
    }

    @Test
    void notBuiltCapabilitiesSaySoPlainlyAndNeverAnswer() {
        ChatViewModel m = model(Assistant.notBuilt());
        m.describeScreen();
        assertThat(speech.lastSpoken()).isEqualTo("Describing the screen is not available in this build yet.");
        assertThat(speech.events()).extracting(Object::toString).contains("earcon:ERROR");
        assertThat(m.transcriptProperty().get()).contains("You: Describe the screen", "Looked at: the screen",
                "Sightline: Describing the screen is not available in this build yet.");
        assertThat(m.lastAnswer()).isNull();
        assertThat(m.busyProperty().get()).isFalse();
    }

    @Test
    void answersAreStreamedSentenceBySentenceAndShown() {
        ChatViewModel m = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), new StreamingDescriber(),
                new NotBuiltActiveWindowTracker()));
        m.describeScreen();
        assertThat(speech.events()).filteredOn(e -> e.kind().equals("speak"))
                .extracting(RecordingSpeechOutput.Event::text, RecordingSpeechOutput.Event::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A red rectangle on white.", Priority.NOW),
                        // The rest of the answer's stream follows its first sentence, ahead of anything queued.
                        org.assertj.core.groups.Tuple.tuple("Nothing else is visible.", Priority.NEXT));
        assertThat(speech.events()).extracting(Object::toString).containsSubsequence("earcon:CAPTURING",
                "earcon:WORKING", "earcon:DONE");
        assertThat(m.transcriptProperty().get()).contains("Looked at: screen 64x48",
                "Sightline: A red rectangle on white. Nothing else is visible.");
        assertThat(m.statusProperty().get()).isEqualTo("Done.");
    }

    @Test
    void aTypedQuestionIsAFollowUpAboutTheSameCapture() {
        StreamingDescriber describer = new StreamingDescriber();
        ChatViewModel m = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), describer,
                new NotBuiltActiveWindowTracker()));
        m.describeScreen();
        m.ask("  what colour is it?  ");
        assertThat(describer.requests).hasSize(2);
        DescribeRequest followUp = describer.requests.get(1);
        assertThat(followUp.capture()).isSameAs(describer.requests.get(0).capture());
        assertThat(followUp.question()).isEqualTo("what colour is it?");
        assertThat(followUp.isFollowUp()).isTrue();
        assertThat(followUp.earlier()).extracting(DescribeRequest.Exchange::answer)
                .containsExactly("A red rectangle on white. Nothing else is visible.");
        assertThat(speech.lastSpoken()).isEqualTo("It is red.");
    }

    @Test
    void anEmptyQuestionIsRefusedWithAHint() {
        ChatViewModel m = model(Assistant.notBuilt());
        m.ask("   ");
        assertThat(speech.lastSpoken()).isEqualTo("Type a question first, then press Enter.");
        assertThat(m.turns()).isEmpty();
    }

    @Test
    void repeatAndCopyUseTheLastAnswer() {
        ChatViewModel m = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), new StreamingDescriber(),
                new NotBuiltActiveWindowTracker()));
        m.repeatLastAnswer();
        assertThat(speech.lastSpoken()).isEqualTo("There is no answer to repeat yet.");
        m.copyLastAnswer();
        assertThat(clipboard).isEmpty();
        m.describeScreen();
        speech.clear();
        m.repeatLastAnswer();
        assertThat(speech.lastSpoken()).isEqualTo("A red rectangle on white. Nothing else is visible.");
        m.copyLastAnswer();
        assertThat(clipboard).containsExactly("A red rectangle on white. Nothing else is visible.");
        assertThat(speech.lastSpoken()).isEqualTo("Answer copied.");
    }

    @Test
    void theWindowRememberedAtKeyPressIsTheOneCaptured() {
        PictureCapture capture = new PictureCapture();
        ChatViewModel m = model(new Assistant(capture, new NotBuiltReadService(), new StreamingDescriber(),
                new NotBuiltActiveWindowTracker()));
        WindowRef firefox = new WindowRef(0x3a00007, "Firefox");
        m.describeActiveWindow(firefox);
        assertThat(capture.windows).containsExactly(firefox);
        assertThat(m.transcriptProperty().get()).contains("Looked at: window Firefox");
    }

    @Test
    void readTextStreamsLinesOfTheLastImageOrTheRememberedWindow(@TempDir Path dir) throws Exception {
        PictureCapture capture = new PictureCapture();
        List<Capture> read = new ArrayList<>();
        ReadService reader = (c, ctx, line) -> {
            read.add(c);
            line.accept("Invoice 42");
            line.accept("Total 9.99");
            return "Invoice 42\nTotal 9.99";
        };
        ChatViewModel m = model(new Assistant(capture, reader, new StreamingDescriber(), new NotBuiltActiveWindowTracker()));
        m.readText(new WindowRef(7, "Mail"));
        assertThat(capture.windows).extracting(WindowRef::title).containsExactly("Mail");
        assertThat(speech.spoken()).containsSubsequence("Invoice 42", "Total 9.99");

        Path file = dir.resolve("scan.png");
        ImageIO.write(picture(), "png", file.toFile());
        m.openImage(file);
        m.readText(null);
        assertThat(read.get(read.size() - 1).description()).isEqualTo("scan.png");
        assertThat(capture.windows).hasSize(1);
    }

    @Test
    void aBlankCaptureIsReportedInsteadOfDescribed() {
        StreamingDescriber describer = new StreamingDescriber();
        ChatViewModel m = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), describer,
                new NotBuiltActiveWindowTracker()));
        m.cameraSnapshot();
        assertThat(describer.requests).isEmpty();
        assertThat(speech.lastSpoken()).isEqualTo("The capture is blank; is a screen curtain on?");
    }

    @Test
    void aKeyPressedWhileAFileIsStillOpeningIsAboutThatFileNotThePictureBefore(@TempDir Path dir) throws Exception {
        Path before = dir.resolve("before.png");
        Path page = dir.resolve("page.png");
        ImageIO.write(picture(), "png", before.toFile());
        ImageIO.write(picture(), "png", page.toFile());
        // Callbacks wait in a queue, as on a busy JavaFX thread: the opened file is not remembered yet.
        java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        ReadService reader = (capture, context, line) -> "text of " + capture.description();
        try (org.sightline.task.ThreadPoolTaskExecutor executor =
                     new org.sightline.task.ThreadPoolTaskExecutor(1, ui::add)) {
            ChatViewModel m = new ChatViewModel(new Assistant(new PictureCapture(), reader,
                    new StreamingDescriber(), new NotBuiltActiveWindowTracker()), speech, executor, ui::add,
                    Settings::defaults, clipboard::add, clock::get);
            m.openImage(before);
            drain(ui, m);
            assertThat(m.transcriptProperty().get()).contains("before.png");

            m.openImage(page);
            m.readText(null); // pressed at once: replaces the description of page.png, and is about page.png
            drain(ui, m);
            assertThat(m.lastAnswer()).isEqualTo("text of page.png");
            // The user last heard about before.png: the answer says first which picture it read.
            assertThat(speech.lastSpoken()).isEqualTo("Looked at page.png. text of page.png");

            m.readText(null); // the same picture again: nothing new to name
            drain(ui, m);
            assertThat(speech.lastSpoken()).isEqualTo("text of page.png");
        }
    }

    /** Runs the queued callbacks until the model is idle. */
    private static void drain(java.util.concurrent.BlockingQueue<Runnable> ui, ChatViewModel m) throws Exception {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Runnable next = ui.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            } else if (!m.busyProperty().get()) {
                return;
            }
        }
        throw new AssertionError("the model stayed busy");
    }

    @Test
    void aMissingFileIsBadInputSaidPlainly(@TempDir Path dir) {
        ChatViewModel m = model(Assistant.notBuilt());
        m.openImage(dir.resolve("nope.png"));
        assertThat(speech.lastSpoken()).startsWith("There is no file at").endsWith("Check the name and try again.");
    }

    @Test
    void pastingWithNoImageOnTheClipboardSaysSo() {
        ChatViewModel m = model(Assistant.notBuilt());
        m.pasteImage(null);
        assertThat(speech.lastSpoken()).isEqualTo("The clipboard holds no image. Copy an image first, then paste it here.");
    }

    @Test
    void regionSizeComesFromTheSettings() {
        PictureCapture capture = new PictureCapture();
        ChatViewModel m = new ChatViewModel(new Assistant(capture, new NotBuiltReadService(), new StreamingDescriber(),
                new NotBuiltActiveWindowTracker()), speech, new SynchronousTaskExecutor(), Runnable::run,
                () -> new Settings(true, "en", null, 175, "", 640, true), clipboard::add, clock::get);
        m.describeRegion();
        assertThat(capture.regionSize).isEqualTo(640);
        ChatViewModel notBuilt = new ChatViewModel(Assistant.notBuilt(), speech, new SynchronousTaskExecutor(),
                Runnable::run, () -> new Settings(true, "en", null, 175, "", 640, true), clipboard::add, clock::get);
        notBuilt.describeRegion();
        assertThat(notBuilt.transcriptProperty().get()).contains("Looked at: a square of 640 pixels around the pointer");
    }

    /** Holds submitted tasks until the test runs them, like a worker thread that has not finished yet. */
    private static final class ManualExecutor implements TaskExecutor {
        final List<Runnable> pending = new ArrayList<>();
        final List<CancellationToken> tokens = new ArrayList<>();

        @Override
        public <T> TaskHandle<T> submit(Task<T> task, TaskListener<T> listener) {
            CancellationToken token = new CancellationToken();
            tokens.add(token);
            pending.add(() -> TaskExecutor.runNow(task, listener, token, Runnable::run));
            // A handle whose cancel reaches the token the task will check; its own trivial work is already done.
            return TaskExecutor.runNow(ctx -> null, new TaskListener<T>() { }, token, r -> { });
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theSameKeyWhileItsTaskRunsDoesNotStartASecondCopy() {
        ManualExecutor executor = new ManualExecutor();
        ChatViewModel m = model(Assistant.notBuilt(), executor);
        m.describeScreen();
        m.describeScreen();
        assertThat(executor.pending).hasSize(1);
        assertThat(speech.lastSpoken()).isEqualTo("Still working on Describe the screen. Press Escape to cancel it.");
        assertThat(m.busyProperty().get()).isTrue();
        // Another key replaces the stale request.
        m.cameraSnapshot();
        assertThat(executor.pending).hasSize(2);
        assertThat(executor.tokens.get(0).isCancelled()).isTrue();
        assertThat(m.transcriptProperty().get()).contains("Stopped for the newer request.");
    }

    @Test
    void escapeCancelsAtOnceStopsSpeechAndIgnoresTheLateResult() {
        ManualExecutor executor = new ManualExecutor();
        StreamingDescriber describer = new StreamingDescriber();
        ChatViewModel m = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), describer,
                new NotBuiltActiveWindowTracker()), executor);
        m.describeScreen();
        speech.clear();
        m.cancel();
        assertThat(executor.tokens.get(0).isCancelled()).isTrue();
        assertThat(speech.events()).extracting(Object::toString).startsWith("stop");
        assertThat(speech.lastSpoken()).isEqualTo("Cancelled.");
        assertThat(m.busyProperty().get()).isFalse();
        executor.pending.get(0).run();
        assertThat(describer.requests).isEmpty();
        assertThat(m.lastAnswer()).isNull();
        assertThat(m.transcriptProperty().get()).contains("Sightline: Cancelled.").doesNotContain("red rectangle");
    }

    @Test
    void progressIsShownAndSpokenWithoutChatter() {
        ChatViewModel[] holder = new ChatViewModel[1];
        DescribeService slow = (request, ctx, tokens) -> {
            for (int i = 1; i <= 10; i++) {
                clock.addAndGet(1_000_000_000L);
                ctx.progress(new Progress(i, 10, ""));
            }
            return "Done describing.";
        };
        holder[0] = model(new Assistant(new PictureCapture(), new NotBuiltReadService(), slow,
                new NotBuiltActiveWindowTracker()));
        holder[0].describeScreen();
        assertThat(speech.spoken()).filteredOn(s -> s.startsWith("Working"))
                .containsExactly("Working, 30 percent.", "Working, 60 percent.", "Working, 90 percent.");
    }

    @Test
    void helpListsEveryKeyInTheWindowAndEveryGlobalKey() {
        ChatViewModel m = model(Assistant.notBuilt());
        m.help();
        String help = speech.lastSpoken();
        for (ChatAction a : ChatAction.values()) {
            assertThat(help).contains(a.keyForPeople() + ":");
        }
        assertThat(help).contains("Ctrl+Alt+Shift+D: Describe the screen.", "Ctrl+Alt+Shift+W:", "Ctrl+Alt+Shift+T:",
                "Ctrl+Alt+Shift+C:", "Ctrl+Alt+Shift+S:", "Ctrl+Alt+Shift+L:", "Ctrl+Alt+Shift+V:",
                "Ctrl+Alt+Shift+P: Start or stop watching the region around the pointer.", "Ctrl+Alt+Shift+G:",
                "Ctrl+Alt+Shift+M:");
        assertThat(m.transcriptProperty().get()).contains(help.lines().findFirst().orElseThrow());
    }

    @Test
    void anUnexpectedFailureIsOneClearSentence() {
        ChatViewModel m = model(new Assistant(new PictureCapture() {
            @Override
            public Capture captureScreen(TaskContext context) {
                throw new IllegalStateException("grabber closed");
            }
        }, new NotBuiltReadService(), new StreamingDescriber(), new NotBuiltActiveWindowTracker()));
        m.describeScreen();
        assertThat(speech.lastSpoken()).isEqualTo("Something went wrong inside Sightline: grabber closed. Please try again.");
    }

    @Test
    void whenBusyEndsTheTurnIsAlreadyFinished() {
        ChatViewModel m = model(Assistant.notBuilt());
        List<String> seen = new ArrayList<>();
        m.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                seen.add(m.turns().get(m.turns().size() - 1).answer());
            }
        });
        m.describeScreen();
        assertThat(seen).containsExactly("Describing the screen is not available in this build yet.");
    }

    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.RED);
        g.fillRect(16, 12, 32, 24);
        g.dispose();
        return img;
    }
}
