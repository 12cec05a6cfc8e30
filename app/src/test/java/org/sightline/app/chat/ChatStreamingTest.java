package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.DescribeService;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.settings.Settings;
import org.sightline.app.testing.OnePictureCapture;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;

/**
 * An answer goes from the thread that writes it straight into speech, sentence by sentence, while the
 * user-interface thread only shows it; the transcript grows by appending.
 */
class ChatStreamingTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    /** What was handed to the user-interface thread and not run yet: a JavaFX thread that is busy. */
    private final List<Runnable> uiQueue = new ArrayList<>();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }


    private ChatViewModel model(DescribeService describer, java.util.concurrent.Executor uiThread) {
        return new ChatViewModel(new Assistant(new OnePictureCapture(ChatViewModelTest::picture, "screen 64x48"),
                new NotBuiltReadService(), describer,
                new NotBuiltActiveWindowTracker()), speech, new SynchronousTaskExecutor(), uiThread,
                Settings::defaults, text -> { }, () -> 0L);
    }

    private static void emit(Consumer<String> tokens, String text) {
        for (String piece : text.split("(?<= )")) {
            tokens.accept(piece);
        }
    }

    @Test
    void sentencesReachSpeechInOrderWhileTokensStillArriveAndTheUserInterfaceThreadIsBusy() {
        List<List<String>> spokenWhileWriting = new ArrayList<>();
        List<String> shownWhileWriting = new ArrayList<>();
        ChatViewModel[] m = new ChatViewModel[1];
        m[0] = model((request, context, tokens) -> {
            emit(tokens, "The window shows a login form, e.g. for mail. It has 2.5 fields");
            spokenWhileWriting.add(speech.spoken());
            emit(tokens, " and a button. Below");
            spokenWhileWriting.add(speech.spoken());
            shownWhileWriting.add(m[0].transcriptProperty().get());
            emit(tokens, " it: nothing.");
            return "The window shows a login form, e.g. for mail. It has 2.5 fields and a button. Below it: nothing.";
        }, uiQueue::add);

        m[0].describeScreen();

        // "e.g." and "2.5" do not end a sentence: the speech module's splitter is the one rule.
        assertThat(spokenWhileWriting.get(0)).containsExactly("The window shows a login form, e.g. for mail.");
        assertThat(spokenWhileWriting.get(1)).containsExactly("The window shows a login form, e.g. for mail.",
                "It has 2.5 fields and a button.");
        // None of it had been through the busy user-interface thread.
        assertThat(shownWhileWriting.get(0)).doesNotContain("login form");
        assertThat(speech.spoken()).containsExactly("The window shows a login form, e.g. for mail.",
                "It has 2.5 fields and a button.", "Below it: nothing.");

        uiQueue.forEach(Runnable::run);
        assertThat(m[0].transcriptProperty().get()).contains("Sightline: The window shows a login form, e.g. for mail."
                + " It has 2.5 fields and a button. Below it: nothing.");
    }

    @Test
    void cancelStopsTheStreamEvenWhileTheWorkerStillWrites() {
        ChatViewModel[] m = new ChatViewModel[1];
        m[0] = model((request, context, tokens) -> {
            emit(tokens, "A red rectangle on white. Nothing");
            m[0].cancel(); // Escape, while the model is still writing
            emit(tokens, " else is visible. A blue square too.");
            return "never shown";
        }, Runnable::run);

        m[0].describeScreen();

        assertThat(speech.spoken()).containsExactly("A red rectangle on white.", "Cancelled.");
        assertThat(speech.events()).extracting(Object::toString).containsSubsequence("speak:A red rectangle on white.",
                "stop", "speak:Cancelled.");
        assertThat(m[0].transcriptProperty().get()).contains("Sightline: Cancelled.").doesNotContain("blue square");
    }

    @Test
    void stopSpeakingSilencesTheRestOfTheAnswerButShowsIt() {
        ChatViewModel[] m = new ChatViewModel[1];
        m[0] = model((request, context, tokens) -> {
            emit(tokens, "A red rectangle on white. Nothing");
            m[0].stopSpeaking();
            emit(tokens, " else is visible.");
            return "A red rectangle on white. Nothing else is visible.";
        }, Runnable::run);

        m[0].describeScreen();

        assertThat(speech.spoken()).containsExactly("A red rectangle on white.");
        assertThat(m[0].transcriptProperty().get()).contains("Sightline: A red rectangle on white. Nothing else is visible.");
    }

    @Test
    void theTranscriptIsAppendedToWhileAnAnswerStreamsAndEndsAsARebuildWouldShowIt() {
        List<ChatViewModel.TranscriptEdit> edits = new ArrayList<>();
        List<String> whileWriting = new ArrayList<>();
        ChatViewModel[] m = new ChatViewModel[1];
        m[0] = model((request, context, tokens) -> {
            edits.clear();
            emit(tokens, "  A red rectangle  on white.  ");
            tokens.accept("\n");
            emit(tokens, "Nothing else. ");
            whileWriting.add(m[0].transcriptProperty().get());
            return "A red rectangle  on white.  \nNothing else.";
        }, Runnable::run);
        m[0].onTranscriptEdit(edits::add);

        m[0].describeScreen();

        // The first piece opens the answer's line; every later one is an insertion at the end of that line.
        assertThat(edits.get(0).start()).isZero();
        assertThat(edits.subList(1, edits.size())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.end()).isEqualTo(e.start()).isPositive());
        String expected = "You: Describe the screen\nLooked at: screen 64x48\n"
                + "Sightline: A red rectangle  on white.  \nNothing else.\n";
        assertThat(whileWriting).containsExactly(expected);
        // Applying the edits to an empty text gives the transcript, as the chat view does.
        StringBuilder view = new StringBuilder();
        edits.forEach(e -> view.replace(e.start(), e.end(), e.text()));
        assertThat(view.toString()).isEqualTo(expected);
        assertThat(m[0].transcriptProperty().get()).isEqualTo(expected);
    }
}
