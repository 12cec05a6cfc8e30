package org.sightline.speech.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sightline.speech.SpeechSettings;

/**
 * The espeak-ng program: fast, clear at three times normal speed and beyond, and over a hundred languages
 * including Mandarin ({@code cmn}). One process per sentence, reading the text on stdin (so text starting with
 * a dash is never taken for an option) and streaming WAV on stdout.
 */
public final class EspeakNgEngine extends WavProgramEngine {

    /** espeak-ng's own normal rate, in words per minute. */
    static final int NORMAL_WPM = 175;
    /** espeak-ng (with libsonic, as Debian builds it) stays intelligible up to about here. */
    static final int MAX_WPM = 900;

    private final String program;
    private volatile List<Voice> voices;

    public EspeakNgEngine() {
        this("espeak-ng");
    }

    /** An engine running another espeak-ng binary, e.g. one under /opt. */
    public EspeakNgEngine(String program) {
        this.program = program;
    }

    @Override
    public String id() {
        return "espeak-ng";
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    boolean programPresent() {
        return ProcessSpeech.onPath(program);
    }

    @Override
    public List<Voice> voices() {
        List<Voice> v = voices;
        if (v == null) {
            v = listVoices();
            voices = v;
        }
        return v;
    }

    /** The voice's language follows the text's script, so Chinese text is read by a Chinese voice. */
    @Override
    SpeechSettings settingsFor(String text, SpeechSettings settings) {
        return withLanguageOf(text, settings);
    }

    /**
     * With no voice or language chosen, Chinese text gets the Mandarin voice: the default English voice
     * would only name each character ("Chinese letter").
     */
    static SpeechSettings withLanguageOf(String text, SpeechSettings s) {
        if (s.voice() != null || s.language() != null) {
            return s;
        }
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return han > 0 && han * 2 >= letters ? s.withLanguage("cmn") : s;
    }

    /** The command line for these settings; rate, pitch and volume map onto espeak-ng's own scales. */
    @Override
    List<String> command(SpeechSettings s) {
        List<String> cmd = new ArrayList<>(List.of(program, "--stdout", "-b", "1", "-z"));
        cmd.add("-s");
        cmd.add(Integer.toString(wordsPerMinute(s.rate())));
        cmd.add("-p");
        cmd.add(Integer.toString((int) Math.round(Math.max(0, Math.min(99, 50 * s.pitch())))));
        cmd.add("-a");
        cmd.add(Integer.toString((int) Math.round(100 * s.volume())));
        String voice = s.voice() != null ? s.voice() : s.language();
        if (voice != null) {
            cmd.add("-v");
            cmd.add(voice);
        }
        return cmd;
    }

    static int wordsPerMinute(double rate) {
        return (int) Math.round(Math.max(80, Math.min(MAX_WPM, NORMAL_WPM * rate)));
    }

    private List<Voice> listVoices() {
        if (!isAvailable()) {
            return List.of();
        }
        try {
            Process p = new ProcessBuilder(program, "--voices").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(5, TimeUnit.SECONDS);
            List<Voice> list = new ArrayList<>();
            String[] lines = new String(out, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                // Pty Language Age/Gender VoiceName File Other
                String[] f = lines[i].trim().split("\\s+");
                if (f.length >= 5) {
                    list.add(new Voice(f[1], f[1], f[3].replace('_', ' ')));
                }
            }
            return List.copyOf(list);
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
