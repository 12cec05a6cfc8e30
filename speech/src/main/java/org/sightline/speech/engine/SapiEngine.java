package org.sightline.speech.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * Windows' own voices (SAPI 5 through .NET's System.Speech), driven by PowerShell: the script synthesises
 * into memory and writes the WAV to stdout, which is then streamed like espeak-ng's. Only on Windows.
 */
public final class SapiEngine implements TtsEngine {

    private final SpareProcess spares = new SpareProcess();

    private volatile Boolean available;

    @Override
    public String id() {
        return "sapi";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    public boolean isAvailable() {
        Boolean a = available;
        if (a == null) {
            a = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                    && ProcessSpeech.onPath("powershell");
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
        return List.of(); // listing needs another PowerShell run; the default voice is the user's choice
    }

    @Override
    public void speak(String text, SpeechSettings s, PcmSink sink, CancellationToken stop) {
        spares.reopen();
        ProcessSpeech.streamWav(id(), command(s), text, sink, stop, spares);
    }

    List<String> command(SpeechSettings s) {
        StringBuilder script = new StringBuilder();
        script.append("[Console]::InputEncoding=[Text.Encoding]::UTF8;")
                .append("Add-Type -AssemblyName System.Speech;")
                .append("$s=New-Object System.Speech.Synthesis.SpeechSynthesizer;")
                .append("$s.Rate=").append(sapiRate(s.rate())).append(';')
                .append("$s.Volume=").append(Math.round(100 * s.volume())).append(';');
        if (s.voice() != null) {
            script.append("$s.SelectVoice('").append(s.voice().replace("'", "''")).append("');");
        }
        script.append("$m=New-Object IO.MemoryStream;$s.SetOutputToWaveStream($m);")
                .append("$s.Speak([Console]::In.ReadToEnd());$s.Dispose();")
                .append("$o=[Console]::OpenStandardOutput();$m.WriteTo($o);$o.Flush()");
        return new ArrayList<>(List.of("powershell", "-NoProfile", "-NonInteractive", "-Command", script.toString()));
    }

    /** SAPI's rate runs from -10 to 10, where 10 is roughly three times normal: a logarithmic scale. */
    static int sapiRate(double rate) {
        return (int) Math.round(Math.max(-10, Math.min(10, 10 * Math.log(rate) / Math.log(3))));
    }

    /** Ends the process kept ready for the next sentence. */
    @Override
    public void close() {
        spares.close();
    }
}
