package org.sightline.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.Progress;

/** Sentence-by-sentence speech of streamed answers, and progress that never chatters. */
class SpeechPacingTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void streamedTokensAreSpokenPerSentenceFirstOneInterrupting() {
        SentenceSpeaker s = new SentenceSpeaker(speech);
        for (String t : new String[] {"A man", " holds 3.5 kg", " of apples. He", " smiles! Behind", " him: a wall"}) {
            s.accept(t);
        }
        s.finish("ignored because pieces were streamed");
        assertThat(speech.events()).extracting(RecordingSpeechOutput.Event::text, RecordingSpeechOutput.Event::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A man holds 3.5 kg of apples.", Priority.NOW),
                        org.assertj.core.groups.Tuple.tuple("He smiles!", Priority.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("Behind him: a wall", Priority.NORMAL));
    }

    @Test
    void chineseSentencesEndAtTheFullStop() {
        SentenceSpeaker s = new SentenceSpeaker(speech);
        s.accept("桌上有一个红色的杯子。旁边");
        s.accept("是一本书。");
        s.finish("");
        assertThat(speech.spoken()).containsExactly("桌上有一个红色的杯子。", "旁边是一本书。");
    }

    @Test
    void aWholeAnswerWithoutStreamingIsSpokenOnce() {
        SentenceSpeaker s = new SentenceSpeaker(speech);
        s.finish("Invoice 42. Total 9.99");
        assertThat(speech.spoken()).containsExactly("Invoice 42. Total 9.99");
    }

    @Test
    void progressIsSpokenAtMostEveryThreeSecondsAndOnlyWhenItChanged() {
        AtomicLong now = new AtomicLong();
        ProgressAnnouncer a = new ProgressAnnouncer(speech, now::get);
        a.reset();
        assertThat(a.report(new Progress(1, 10, ""))).isEqualTo("Working, 10 percent.");
        now.set(3_100_000_000L);
        a.report(new Progress(4, 10, ""));
        now.set(4_000_000_000L);
        a.report(new Progress(5, 10, ""));
        now.set(7_000_000_000L);
        a.report(new Progress(4, 10, ""));
        now.set(8_000_000_000L);
        assertThat(a.report(Progress.indeterminate("Loading the model"))).isEqualTo("Loading the model");
        now.set(11_000_000_000L);
        a.report(Progress.indeterminate("Loading the model"));
        assertThat(speech.spoken()).containsExactly("Working, 40 percent.", "Loading the model");
    }
}
