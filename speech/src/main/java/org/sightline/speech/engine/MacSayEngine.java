package org.sightline.speech.engine;

import java.util.List;
import org.sightline.speech.SpeechSettings;

/**
 * macOS's {@code say}, the system voices VoiceOver users know; only on macOS. Written without a Mac to
 * test on: a failure falls back to the next engine.
 */
public final class MacSayEngine extends WavProgramEngine {

    private static final int NORMAL_WPM = 175;

    @Override
    public String id() {
        return "say";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    boolean programPresent() {
        return osNameStartsWith("mac") && ProcessSpeech.onPath("/usr/bin/say");
    }

    @Override
    public List<Voice> voices() {
        return List.of();
    }

    /**
     * {@code say} writes WAV only to a seekable file, so a small shell wrapper renders into a temporary file
     * and streams it; the voice name travels as a positional argument, never inside the script.
     */
    @Override
    List<String> command(SpeechSettings s) {
        String script = "d=$(mktemp -d -t sightline-say) || exit 1; t=\"$d/s.wav\"; "
                + "/usr/bin/say -f - -o \"$t\" --file-format=WAVE --data-format=LEI16@22050 -r "
                + Math.round(NORMAL_WPM * s.rate()) + (s.voice() != null ? " -v \"$1\"" : "")
                + " && cat \"$t\"; status=$?; rm -rf \"$d\"; exit $status";
        List<String> cmd = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script, "sightline-say"));
        if (s.voice() != null) {
            cmd.add(s.voice());
        }
        return cmd;
    }
}
