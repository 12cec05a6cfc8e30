package org.sightline.app.voice;

import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.sightline.app.AppText;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Progress;

/**
 * Sightline's one rule for speaking progress, used by every long task (a description, a download in setup or in
 * the model manager), so the same work sounds the same wherever it runs:
 * <ul>
 * <li>nothing in the first {@link #MIN_GAP_NANOS} of a task, so quick work stays quiet;</li>
 * <li>then at most one report every {@link #MIN_GAP_NANOS};</li>
 * <li>a percentage only when it has reached a new step of ten, spoken as that step ("40 percent", never "43"),
 * and never 100: the end is said by the result;</li>
 * <li>a message without a percentage only when it differs from the last one spoken.</li>
 * </ul>
 * Progress never drowns out the answer or the user's own screen reader. What is shown on screen is every report.
 */
public final class ProgressAnnouncer {

    static final long MIN_GAP_NANOS = 3_000_000_000L;
    private static final int STEP = 10;

    private final SpeechOutput speech;
    private final LongSupplier clock;
    private final IntFunction<String> percentWords;
    private long lastSpokenAt;
    private String lastSpoken;
    private int lastSpokenStep;
    private boolean started;

    /** Percentages are spoken as "Working, 40 percent.": for work whose name the user has just heard. */
    public ProgressAnnouncer(SpeechOutput speech, LongSupplier nanoClock) {
        this(speech, nanoClock, percent -> AppText.get("progress.percent", percent));
    }

    /**
     * @param percentWords the words for a percentage, such as "40 percent" where the screen already says what
     *                     is being downloaded
     */
    public ProgressAnnouncer(SpeechOutput speech, LongSupplier nanoClock, IntFunction<String> percentWords) {
        this.speech = Objects.requireNonNull(speech);
        this.clock = Objects.requireNonNull(nanoClock);
        this.percentWords = Objects.requireNonNull(percentWords);
    }

    /** A new task starts: the first report may be spoken only after a full gap, so quick tasks stay quiet. */
    public void reset() {
        started = true;
        lastSpokenAt = clock.getAsLong();
        lastSpoken = null;
        lastSpokenStep = 0;
    }

    /** The text to show for {@code p}; spoken too when the rule above says it is due. */
    public String report(Progress p) {
        if (!started) {
            reset();
        }
        String shown = describe(p);
        if (clock.getAsLong() - lastSpokenAt < MIN_GAP_NANOS) {
            return shown;
        }
        if (p.isDeterminate()) {
            int step = Math.min(p.percent(), 100) / STEP * STEP;
            if (step > lastSpokenStep && step < 100) {
                lastSpokenStep = step;
                say(percentWords.apply(step));
            }
        } else if (!shown.equals(lastSpoken)) {
            say(shown);
        }
        return shown;
    }

    /**
     * The text to show for {@code p}, never spoken: once the answer itself is being spoken, a progress report would
     * come between or after its sentences ("Working, 55 percent." after the last line read).
     */
    public String shown(Progress p) {
        return describe(p);
    }

    private void say(String text) {
        speech.speak(text, Priority.NORMAL);
        lastSpoken = text;
        lastSpokenAt = clock.getAsLong();
    }

    private String describe(Progress p) {
        if (p.isDeterminate()) {
            return percentWords.apply(p.percent());
        }
        return p.message() == null || p.message().isBlank() ? AppText.get("progress.working") : p.message();
    }
}
