package org.sightline.app.document;

import java.util.function.LongSupplier;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

/**
 * Says how far the reading of a long document has come ("Page 12 of 80 read."): never sooner than one gap after
 * the start, so a document read in a moment stays quiet, and then at most once a gap, queued behind what is
 * being read aloud. When it spoke at all, the end is said too.
 */
public final class ReadingProgress {

    /** Ten seconds: often enough to know the reading goes on, rarely enough not to crowd the text. */
    public static final long GAP_NANOS = 10_000_000_000L;

    private final SpeechOutput speech;
    private final LongSupplier clock;
    private final long gap;
    private long lastSaid;
    private boolean spoke;

    public ReadingProgress(SpeechOutput speech, LongSupplier nanoClock, long gapNanos) {
        this.speech = speech;
        this.clock = nanoClock;
        this.gap = gapNanos;
        this.lastSaid = nanoClock.getAsLong();
    }

    /** Page {@code number} of {@code count} has been read. */
    void pageRead(int number, int count) {
        long now = clock.getAsLong();
        if (number < count && now - lastSaid >= gap) {
            speech.speak(DocumentText.get("document.progress", number, count), Priority.NORMAL);
            lastSaid = now;
            spoke = true;
        }
    }

    /** The reading of all {@code count} pages ended. */
    void finished(int count) {
        if (spoke) {
            speech.speak(DocumentText.get("document.allRead", count), Priority.NORMAL);
        }
    }
}
