package org.sightline.speech.audio;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays speech through one javax.sound line that stays open while the format stays the same, so consecutive
 * sentences follow without a gap. The line's buffer is short (about 100 ms) and {@link #abort()} stops and
 * flushes it, which silences speech at once. With no sound device it logs once and swallows the audio.
 */
public final class LinePlayer implements AudioOut {

    private static final Logger LOG = LoggerFactory.getLogger(LinePlayer.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Object lock = new Object();
    private volatile SourceDataLine line;
    private volatile boolean unavailable;

    @Override
    public void begin(AudioFormat format) {
        synchronized (lock) {
            if (unavailable) {
                return;
            }
            SourceDataLine current = line;
            if (current != null && current.getFormat().matches(format)) {
                current.start();
                return;
            }
            if (current != null) {
                current.close();
                line = null;
            }
            try {
                DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
                if (!AudioSystem.isLineSupported(info)) {
                    markUnavailable("no output line supports " + format);
                    return;
                }
                SourceDataLine opened = (SourceDataLine) AudioSystem.getLine(info);
                int frames100ms = Math.max(256, (int) (format.getFrameRate() / 10));
                opened.open(format, frames100ms * format.getFrameSize());
                opened.start();
                line = opened;
            } catch (LineUnavailableException | RuntimeException e) {
                markUnavailable(e.toString());
            }
        }
    }

    @Override
    public boolean write(byte[] data, int offset, int length) {
        SourceDataLine current = line;
        if (current == null) {
            return true; // nowhere to play: the text is shown anyway
        }
        int frame = Math.max(1, current.getFormat().getFrameSize());
        int usable = length - length % frame;
        try {
            current.write(data, offset, usable);
        } catch (RuntimeException e) {
            markUnavailable(e.toString());
        }
        return true;
    }

    @Override
    public void abort() {
        SourceDataLine current = line;
        if (current != null) {
            current.stop();
            current.flush();
        }
    }

    @Override
    public void drain() {
        SourceDataLine current = line;
        if (current != null && current.isRunning()) {
            current.drain();
        }
    }

    @Override
    public boolean isAvailable() {
        return !unavailable;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (line != null) {
                line.close();
                line = null;
            }
        }
    }

    private void markUnavailable(String why) {
        unavailable = true;
        SourceDataLine current = line;
        line = null;
        if (current != null) {
            current.close();
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("No audio output device ({}); speech continues silently and the text is still shown.", why);
        }
    }
}
