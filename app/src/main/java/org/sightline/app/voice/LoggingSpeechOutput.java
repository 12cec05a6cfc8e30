package org.sightline.app.voice;

import java.io.PrintStream;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

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
