package org.sightline.app.voice;

import java.util.function.LongSupplier;
import org.sightline.app.AppText;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Progress;

/**
 * Turns a stream of progress reports into occasional speech ("working, 40 percent"): at most one utterance
 * every {@link #MIN_GAP_NANOS}, and only when there is something new to say, so progress never drowns out
 * the answer or the user's own screen reader.
 */
public final class ProgressAnnouncer {

    static final long MIN_GAP_NANOS = 3_000_000_000L;

    private final SpeechOutput speech;
    private final LongSupplier clock;
    private long lastSpokenAt;
    private String lastSpoken;
    private boolean started;

    public ProgressAnnouncer(SpeechOutput speech, LongSupplier nanoClock) {
        this.speech = speech;
        this.clock = nanoClock;
    }

    /** A new task starts: the first report may be spoken only after a full gap, so quick tasks stay quiet. */
    public void reset() {
        started = true;
        lastSpokenAt = clock.getAsLong();
        lastSpoken = null;
    }

    /** The text to show for {@code p}; spoken too when the gap has passed and it differs from the last one. */
    public String report(Progress p) {
        String text = describe(p);
        long now = clock.getAsLong();
        if (!started) {
            reset();
        }
        if (now - lastSpokenAt >= MIN_GAP_NANOS && !text.equals(lastSpoken)) {
            speech.speak(text, Priority.NORMAL);
            lastSpoken = text;
            lastSpokenAt = now;
        }
        return text;
    }

    /**
     * The text to show for {@code p}, never spoken: once the answer itself is being spoken, a progress report would
     * come between or after its sentences ("Working, 55 percent." after the last line read).
     */
    public String shown(Progress p) {
        return describe(p);
    }

    static String describe(Progress p) {
        if (p.isDeterminate()) {
            return AppText.get("progress.percent", p.percent());
        }
        return p.message() == null || p.message().isBlank() ? AppText.get("progress.working") : p.message();
    }
}
