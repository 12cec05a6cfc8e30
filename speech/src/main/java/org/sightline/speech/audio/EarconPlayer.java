package org.sightline.speech.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.sightline.speech.Earcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays earcons on a line of their own, beside speech, from one background thread: a call never waits for
 * the sound. A new earcon cuts off one still playing, so a rapidly repeated key does not pile sounds up.
 */
public final class EarconPlayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EarconPlayer.class);

    /** A decoded earcon: its format and samples. */
    public record Sound(AudioFormat format, byte[] pcm) {
        public double seconds() {
            return pcm.length / (double) format.getFrameSize() / format.getFrameRate();
        }
    }

    private final Map<Earcon, Sound> sounds = new EnumMap<>(Earcon.class);
    private final AudioOut out;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sightline-earcons");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean missingLogged = new AtomicBoolean();
    private volatile double volume = 1.0;

    public EarconPlayer() {
        this(new LinePlayer());
    }

    public EarconPlayer(AudioOut out) {
        this.out = out;
    }

    /** Decodes an earcon from the classpath. */
    public static Sound load(Earcon earcon) throws IOException {
        InputStream raw = Earcon.class.getResourceAsStream(earcon.resource());
        if (raw == null) {
            throw new IOException("earcon resource missing: " + earcon.resource());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            return new Sound(in.getFormat(), in.readAllBytes());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("earcon is not a WAV file: " + earcon.resource(), e);
        }
    }

    public void setVolume(double newVolume) {
        volume = Math.max(0, Math.min(1, newVolume));
    }

    /** Starts the sound and returns at once. */
    public void play(Earcon earcon) {
        Sound sound;
        try {
            sound = sound(earcon);
        } catch (IOException e) {
            if (missingLogged.compareAndSet(false, true)) {
                LOG.warn("Earcon {} cannot be played: {}", earcon, e.getMessage());
            }
            return;
        }
        out.abort();
        double v = volume;
        try {
            thread.execute(() -> {
                out.begin(sound.format());
                byte[] pcm = Volume.scaled(sound.pcm(), sound.format(), v);
                out.write(pcm, 0, pcm.length);
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The player was closed (the app is ending): no more sounds.
        }
    }

    private synchronized Sound sound(Earcon earcon) throws IOException {
        Sound s = sounds.get(earcon);
        if (s == null) {
            s = load(earcon);
            sounds.put(earcon, s);
        }
        return s;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        out.close();
    }
}
