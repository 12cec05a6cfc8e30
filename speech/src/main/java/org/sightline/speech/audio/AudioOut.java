package org.sightline.speech.audio;

/** A speaker: a {@link PcmSink} that can also be silenced at once and waited on. */
public interface AudioOut extends PcmSink, AutoCloseable {

    /** Silences what is playing and drops what is buffered, at once; a blocked write returns. */
    void abort();

    /** Waits until what was written has been heard (returns early after {@link #abort()}). */
    void drain();

    /** False once the device was found missing: sound then goes nowhere. */
    boolean isAvailable();

    @Override
    void close();
}
