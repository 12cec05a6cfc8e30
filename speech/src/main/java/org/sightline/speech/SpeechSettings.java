package org.sightline.speech;

import java.util.Locale;

/**
 * How Sightline speaks: which engine, which voice, how fast, how high, how loud and in which language.
 * Rate, pitch and volume are relative to the engine's own normal so that one setting means the same on every
 * engine: rate 1.0 is the engine's normal speed and 3.0 three times that; pitch 1.0 is the voice's own;
 * volume 1.0 is full. A {@link SpeechQueue} applies new settings from the next sentence on.
 *
 * @param engine   an engine id such as {@code espeak-ng}, or {@link #AUTO} for the best available one
 * @param voice    an engine-specific voice name, or null for the engine's default
 * @param rate     speed relative to normal, {@value #MIN_RATE} to {@value #MAX_RATE}
 * @param pitch    pitch relative to the voice's own, {@value #MIN_PITCH} to {@value #MAX_PITCH}
 * @param volume   0 (silent) to 1 (full)
 * @param language a language tag such as {@code en} or {@code cmn}, or null for the voice's own
 */
public record SpeechSettings(String engine, String voice, double rate, double pitch, double volume, String language) {

    public static final String AUTO = "auto";
    public static final double MIN_RATE = 0.25;
    public static final double MAX_RATE = 4.0;
    public static final double MIN_PITCH = 0.25;
    public static final double MAX_PITCH = 2.0;

    public SpeechSettings {
        engine = engine == null || engine.isBlank() ? AUTO : engine.trim().toLowerCase(Locale.ROOT);
        voice = voice == null || voice.isBlank() ? null : voice.trim();
        language = language == null || language.isBlank() ? null : language.trim();
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between " + MIN_RATE + " and " + MAX_RATE + ": " + rate);
        }
        if (!(pitch >= MIN_PITCH && pitch <= MAX_PITCH)) {
            throw new IllegalArgumentException("pitch must be between " + MIN_PITCH + " and " + MAX_PITCH + ": " + pitch);
        }
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("volume must be between 0 and 1: " + volume);
        }
    }

    /** The best available engine, its default voice, normal rate and pitch, full volume. */
    public static SpeechSettings defaults() {
        return new SpeechSettings(AUTO, null, 1.0, 1.0, 1.0, null);
    }

    public boolean isAutoEngine() {
        return AUTO.equals(engine);
    }

    /** True when rate, pitch and volume are all at their normal values (a shared engine keeps the user's own). */
    public boolean hasNormalProsody() {
        return rate == 1.0 && pitch == 1.0 && volume == 1.0;
    }

    public SpeechSettings withEngine(String newEngine) {
        return new SpeechSettings(newEngine, voice, rate, pitch, volume, language);
    }

    public SpeechSettings withVoice(String newVoice) {
        return new SpeechSettings(engine, newVoice, rate, pitch, volume, language);
    }

    public SpeechSettings withRate(double newRate) {
        return new SpeechSettings(engine, voice, newRate, pitch, volume, language);
    }

    public SpeechSettings withPitch(double newPitch) {
        return new SpeechSettings(engine, voice, rate, newPitch, volume, language);
    }

    public SpeechSettings withVolume(double newVolume) {
        return new SpeechSettings(engine, voice, rate, pitch, newVolume, language);
    }

    public SpeechSettings withLanguage(String newLanguage) {
        return new SpeechSettings(engine, voice, rate, pitch, volume, newLanguage);
    }
}
