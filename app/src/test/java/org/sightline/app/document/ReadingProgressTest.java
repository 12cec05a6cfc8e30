package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;

/** How often the reading of a long document says how far it has come. */
class ReadingProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final AtomicLong now = new AtomicLong();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aLongReadingIsSaidOnceEveryTenSecondsAndItsEndToo() {
        ReadingProgress progress = new ReadingProgress(speech, now::get, ReadingProgress.GAP_NANOS);
        for (int page = 1; page <= 80; page++) {
            now.addAndGet(SECOND / 2); // two pages a second
            progress.pageRead(page, 80);
        }
        progress.finished(80);

        assertThat(speech.spoken()).containsExactly("Page 20 of 80 read.", "Page 40 of 80 read.",
                "Page 60 of 80 read.", "All 80 pages read.");
    }

    @Test
    void aDocumentReadInAMomentStaysQuiet() {
        ReadingProgress progress = new ReadingProgress(speech, now::get, ReadingProgress.GAP_NANOS);
        for (int page = 1; page <= 100; page++) {
            now.addAndGet(SECOND / 100);
            progress.pageRead(page, 100);
        }
        progress.finished(100);

        assertThat(speech.spoken()).isEmpty();
    }
}
