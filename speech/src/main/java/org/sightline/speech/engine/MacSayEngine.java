package org.sightline.speech.engine;

import java.util.List;
import java.util.Locale;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * macOS's {@code say}, the system voices VoiceOver users know; only on macOS. Written without a Mac to
 * test on: a failure falls back to the next engine.
 */
public final class MacSayEngine implements TtsEngine {

    private final SpareProcess spares = new SpareProcess();

    private static final int NORMAL_WPM = 175;
    private volatile Boolean available;

    @Override
    public String id() {
        return "say";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    public boolean isAvailable() {
        Boolean a = available;
        if (a == null) {
            a = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
                    && ProcessSpeech.onPath("/usr/bin/say");
            available = a;
        }
        return a;
    }

    @Override
    public boolean rendersAudio() {
        return true;
    }

    @Override
    public List<Voice> voices() {
        return List.of();
    }

    @Override
    public void speak(String text, SpeechSettings s, PcmSink sink, CancellationToken stop) {
        spares.reopen();
        ProcessSpeech.streamWav(id(), command(s), text, sink, stop, spares);
    }

    /**
     * {@code say} writes WAV only to a seekable file, so a small shell wrapper renders into a temporary file
     * and streams it; the voice name travels as a positional argument, never inside the script.
     */
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

    /** Ends the process kept ready for the next sentence. */
    @Override
    public void close() {
        spares.close();
    }
}
