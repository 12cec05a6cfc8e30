package org.sightline.speech.testing;

import javax.sound.sampled.AudioFormat;

/** Measures of recorded 16-bit PCM, for checking that speech is really there. */
public final class Pcm {

    private Pcm() {
    }

    /** Root mean square of the samples, 0 (silence) to 1 (full scale). */
    public static double rms(byte[] pcm, AudioFormat format) {
        if (format.getSampleSizeInBits() != 16) {
            throw new IllegalArgumentException("16-bit PCM expected: " + format);
        }
        boolean big = format.isBigEndian();
        double sum = 0;
        int n = pcm.length / 2;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int hi = big ? pcm[i] : pcm[i + 1];
            int lo = (big ? pcm[i + 1] : pcm[i]) & 0xff;
            double s = ((hi << 8) | lo) / 32768.0;
            sum += s * s;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    public static double seconds(byte[] pcm, AudioFormat format) {
        return pcm.length / (double) format.getFrameSize() / format.getFrameRate();
    }
}
