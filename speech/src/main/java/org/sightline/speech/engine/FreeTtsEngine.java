package org.sightline.speech.engine;

import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.audio.Volume;
import org.sightline.task.CancellationToken;

/**
 * FreeTTS with its kevin16 voice: pure Java, always present, English only. Its own audio player is never
 * used (it hangs forever on a machine without a sound card); an adapter hands the samples to Sightline's
 * sink instead. The voice loads once, on first use (about a second), and is shared: one sentence at a time.
 */
public final class FreeTtsEngine implements TtsEngine {

    static final String VOICE = "kevin16";
    private static final float NORMAL_WPM = 150f;
    private static final float NORMAL_PITCH_HZ = 100f;

    private com.sun.speech.freetts.Voice voice;

    @Override
    public String id() {
        return "freetts";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public boolean isAvailable() {
        return true; // the jar ships with Sightline
    }

    @Override
    public boolean rendersAudio() {
        return true;
    }

    @Override
    public List<Voice> voices() {
        return List.of(new Voice(VOICE, "en-us", "FreeTTS Kevin, 16 kHz diphone voice"));
    }

    @Override
    public void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop) {
        if (settings.voice() != null && !VOICE.equalsIgnoreCase(settings.voice())) {
            throw new EngineFailure("FreeTTS has no voice named " + settings.voice());
        }
        String sayable = sayable(text);
        if (sayable.isBlank() || stop.isCancelled()) {
            return;
        }
        synchronized (this) {
            com.sun.speech.freetts.Voice v = voice();
            v.setRate((float) (NORMAL_WPM * settings.rate()));
            v.setPitch((float) (NORMAL_PITCH_HZ * settings.pitch()));
            SinkPlayer player = new SinkPlayer(sink, stop, settings.volume());
            v.setAudioPlayer(player);
            stop.onCancel(player::cancel);
            try {
                v.speak(sayable);
            } catch (RuntimeException e) {
                if (!stop.isCancelled()) {
                    throw new EngineFailure("FreeTTS failed: " + e, e);
                }
            }
        }
    }

    /**
     * FreeTTS reads English only and chokes on some symbols: letters of other scripts and unusual symbols
     * become spaces, so the English around them is still spoken.
     */
    static String sayable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean latin = cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF);
            if (latin && !Character.isISOControl(cp)) {
                b.appendCodePoint(cp);
            } else if (cp == '\u2019' || cp == '\u2018') {
                b.append('\'');
            } else if (cp == '\u201C' || cp == '\u201D') {
                b.append('"');
            } else if (cp == '\u2013' || cp == '\u2014') {
                b.append(", ");
            } else {
                b.append(' ');
            }
        });
        return b.toString();
    }

    private com.sun.speech.freetts.Voice voice() {
        if (voice == null) {
            if (System.getProperty("freetts.voices") == null) {
                System.setProperty("freetts.voices",
                        "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
            }
            com.sun.speech.freetts.Voice v = VoiceManager.getInstance().getVoice(VOICE);
            if (v == null) {
                throw new EngineFailure("FreeTTS voice " + VOICE + " is missing from the classpath");
            }
            // Set a player before allocate(): FreeTTS would otherwise open its default one.
            v.setAudioPlayer(new SinkPlayer(PcmSink.DISCARD, new CancellationToken(), 1.0));
            v.allocate();
            voice = v;
        }
        return voice;
    }

    /** Loads the voice now, so the first sentence does not pay for it (about a second). */
    public void warmUp() {
        synchronized (this) {
            voice();
        }
    }

    /** Hands FreeTTS's samples to a sink; returning false from write makes FreeTTS abandon the utterance. */
    private static final class SinkPlayer implements AudioPlayer {
        private final PcmSink sink;
        private final CancellationToken stop;
        private final double volume;
        private AudioFormat format = new AudioFormat(16000f, 16, 1, true, true);
        private boolean begun;
        private volatile boolean cancelled;

        SinkPlayer(PcmSink sink, CancellationToken stop, double volume) {
            this.sink = sink;
            this.stop = stop;
            this.volume = volume;
        }

        @Override
        public void setAudioFormat(AudioFormat f) {
            format = f;
            begun = false;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return !cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return (float) volume;
        }

        @Override
        public void setVolume(float v) {
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            if (cancelled || stop.isCancelled()) {
                return false;
            }
            if (!begun) {
                sink.begin(format);
                begun = true;
            }
            byte[] data = audio;
            int off = offset;
            if (volume < 1.0 && format.getSampleSizeInBits() == 16) {
                data = java.util.Arrays.copyOfRange(audio, offset, offset + length);
                off = 0;
                Volume.scaleInPlace(data, 0, length, format.isBigEndian(), volume);
            }
            // Pass in pieces so a stop lands within a few milliseconds of audio.
            int piece = Math.max(2, (int) format.getFrameRate() / 50 * format.getFrameSize());
            for (int p = 0; p < length; p += piece) {
                if (!sink.write(data, off + p, Math.min(piece, length - p)) || stop.isCancelled()) {
                    cancelled = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public void showMetrics() {
        }
    }
}
