package org.sightline.speech.audio;

import javax.sound.sampled.AudioFormat;

/** Scales 16-bit PCM for engines and sounds that have no volume control of their own. */
public final class Volume {

    private Volume() {
    }

    /** A scaled copy of {@code pcm}, or {@code pcm} itself at full volume or for formats other than 16-bit. */
    public static byte[] scaled(byte[] pcm, AudioFormat format, double volume) {
        if (volume >= 1.0 || format.getSampleSizeInBits() != 16) {
            return pcm;
        }
        byte[] out = pcm.clone();
        scaleInPlace(out, 0, out.length, format.isBigEndian(), volume);
        return out;
    }

    /** Scales 16-bit samples in place. */
    public static void scaleInPlace(byte[] pcm, int offset, int length, boolean bigEndian, double volume) {
        for (int i = offset; i + 1 < offset + length; i += 2) {
            int hi = bigEndian ? pcm[i] : pcm[i + 1];
            int lo = (bigEndian ? pcm[i + 1] : pcm[i]) & 0xff;
            int sample = (int) Math.round(((hi << 8) | lo) * volume);
            byte h = (byte) (sample >> 8);
            byte l = (byte) sample;
            pcm[bigEndian ? i : i + 1] = h;
            pcm[bigEndian ? i + 1 : i] = l;
        }
    }
}
