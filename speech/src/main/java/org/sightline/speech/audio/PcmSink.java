package org.sightline.speech.audio;

import javax.sound.sampled.AudioFormat;

/** Where an engine puts the audio it synthesises, piece by piece, so playback starts before synthesis ends. */
public interface PcmSink {

    /** Announces the format of the bytes that follow; called before the first write and when it changes. */
    void begin(AudioFormat format);

    /**
     * Takes signed PCM in the announced format. Returns false when the listener wants no more (the
     * utterance was stopped): the engine should then stop synthesising and return.
     */
    boolean write(byte[] data, int offset, int length);

    /**
     * Engines that make their own sound (speech-dispatcher) call this when the sound starts, so the first
     * audio can be timed for them too. Renderers need not call it.
     */
    default void started() {
    }

    /** A sink that keeps nothing and never asks to stop. */
    PcmSink DISCARD = new PcmSink() {
        @Override
        public void begin(AudioFormat format) {
        }

        @Override
        public boolean write(byte[] data, int offset, int length) {
            return true;
        }
    };
}
