package org.sightline.speech.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

/** Whether this machine can play sound at all, asked without opening anything (cheap). */
public final class AudioDevices {

    /** The format the check uses; every real output device accepts it. */
    private static final AudioFormat PROBE = new AudioFormat(22050f, 16, 1, true, false);

    private AudioDevices() {
    }

    /** True when javax.sound offers an output line; false on a headless server or in a container. */
    public static boolean hasOutput() {
        return supports(PROBE);
    }

    static boolean supports(AudioFormat format) {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format));
        } catch (RuntimeException e) {
            return false; // some providers throw instead of answering on machines without sound
        }
    }
}
