package org.sightline.speech;

/**
 * Everything Sightline says goes through here. Calls never block on audio and never throw for a
 * missing device: the text is also shown by the app, so speech failing is logged, not fatal.
 */
public interface SpeechOutput extends AutoCloseable {

    void speak(String text, Priority priority);

    /** Silences the current utterance and drops everything queued. */
    void stop();

    void play(Earcon earcon);

    @Override
    default void close() {
        stop();
    }
}
