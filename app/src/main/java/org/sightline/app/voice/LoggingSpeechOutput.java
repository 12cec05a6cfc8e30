package org.sightline.app.voice;

import java.io.PrintStream;
import java.util.Optional;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.TeeSpeechOutput;

/**
 * Passes everything on to another output and also writes what is said to a stream, one line each
 * ({@code say[NOW]: Sightline ready}). Used when {@code SIGHTLINE_ANNOUNCE_STDERR=1} (or the older
 * {@code SIGHTLINE_SPEECH_LOG=1}) is set, to check from a terminal or a script what the app says.
 */
public final class LoggingSpeechOutput implements SpeechOutput {

    private final SpeechOutput delegate;
    private final PrintStream log;

    /** The output that really speaks. */
    public SpeechOutput delegate() {
        return delegate;
    }

    /**
     * The speech queue that voices {@code speech}, behind this logging wrapper and the braille display's tee,
     * for settings that belong to the voice (engine, rate); empty for outputs without one (tests).
     */
    public static Optional<SpeechQueue> queueOf(SpeechOutput speech) {
        SpeechOutput target = speech;
        while (true) {
            if (target instanceof LoggingSpeechOutput logging) {
                target = logging.delegate();
            } else if (target instanceof TeeSpeechOutput tee) {
                target = tee.voice();
            } else {
                return target instanceof SpeechQueue queue ? Optional.of(queue) : Optional.empty();
            }
        }
    }

    public LoggingSpeechOutput(SpeechOutput delegate, PrintStream log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public void speak(String text, Priority priority) {
        log.println("say[" + priority + "]: " + text.replace('\n', ' '));
        delegate.speak(text, priority);
    }

    @Override
    public void stop() {
        log.println("stop");
        delegate.stop();
    }

    @Override
    public void play(Earcon earcon) {
        log.println("earcon: " + earcon);
        delegate.play(earcon);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
