package org.sightline.speech.engine;

import java.util.List;
import java.util.Locale;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * macOS's {@code say}, the system voices VoiceOver users know. It writes 16-bit WAV to stdout when given
 * {@code -o /dev/stdout}; only on macOS.
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

    List<String> command(SpeechSettings s) {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/say", "-f", "-", "-o", "/dev/stdout",
                "--file-format=WAVE", "--data-format=LEI16@22050",
                "-r", Long.toString(Math.round(NORMAL_WPM * s.rate()))));
        if (s.voice() != null) {
            cmd.add("-v");
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
