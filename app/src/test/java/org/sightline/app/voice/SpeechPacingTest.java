package org.sightline.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.Progress;

/** Progress that never chatters. */
class SpeechPacingTest {

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
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

    @Test
    void aDownloadIsSpokenInStepsOfTenAndNeverAtItsEnd() {
        AtomicLong now = new AtomicLong();
        ProgressAnnouncer a = new ProgressAnnouncer(speech, now::get, percent -> percent + " percent");
        a.reset();
        for (int percent : new int[] {7, 25, 31, 38, 64, 99, 100}) {
            now.addAndGet(3_000_000_000L);
            assertThat(a.report(new Progress(percent, 100, "1 MB of 2 MB"))).isEqualTo(percent + " percent");
        }
        // 31 and 38 are not a new step after 30; 100 is said by the result ("installed"), not by progress.
        assertThat(speech.spoken()).containsExactly("20 percent", "30 percent", "60 percent", "90 percent");
    }
}
