package org.sightline.speech.engine;

import java.util.ArrayList;
import java.util.List;
import org.sightline.speech.SpeechSettings;

/**
 * Windows' own voices (SAPI 5 through .NET's System.Speech), driven by PowerShell: the script synthesises
 * into memory and writes the WAV to stdout, which is then streamed like espeak-ng's. Only on Windows.
 */
public final class SapiEngine extends WavProgramEngine {

    @Override
    public String id() {
        return "sapi";
    }

    @Override
    public int rank() {
        return 60;
    }

    @Override
    boolean programPresent() {
        return osNameStartsWith("windows") && ProcessSpeech.onPath("powershell");
    }

    @Override
    public List<Voice> voices() {
        return List.of(); // listing needs another PowerShell run; the default voice is the user's choice
    }

    @Override
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
}
