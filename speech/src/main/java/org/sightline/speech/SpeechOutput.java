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

    /**
     * Opens a stream of text spoken sentence by sentence as it arrives (a model's answer while it is being
     * generated). {@link SpeechQueue} speaks each sentence the moment it is complete and cancels the stream
     * on a stop; other outputs get one {@link #speak} call per sentence.
     */
    default SpeechStream openStream(Priority priority) {
        return new SentenceForwardingStream(this, priority);
    }

    @Override
    default void close() {
        stop();
    }
}
