package org.sightline.speech.engine;

import java.util.List;
import java.util.Locale;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * An engine that runs a program per sentence: the text goes to its standard input and WAV comes back on its
 * standard output, streamed as it arrives, while the next process is started ahead ({@link SpareProcess}). The
 * engines differ only in whether their program exists here and in its command line.
 */
abstract class WavProgramEngine implements TtsEngine {

    private final SpareProcess spares = new SpareProcess();
    private volatile Boolean available;

    /** Whether the program can run on this machine; asked once, on first use. */
    abstract boolean programPresent();

    /** The command line that speaks one sentence with {@code settings}. */
    abstract List<String> command(SpeechSettings settings);

    /** The settings one sentence is spoken with; by default those given. */
    SpeechSettings settingsFor(String text, SpeechSettings settings) {
        return settings;
    }

    @Override
    public final boolean isAvailable() {
        Boolean a = available;
        if (a == null) {
            a = programPresent();
            available = a;
        }
        return a;
    }

    @Override
    public boolean rendersAudio() {
        return true;
    }

    @Override
    public void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop) {
        spares.reopen();
        ProcessSpeech.streamWav(id(), command(settingsFor(text, settings)), text, sink, stop, spares);
    }

    /** Ends the process kept ready for the next sentence. */
    @Override
    public void close() {
        spares.close();
    }

    /** Whether this JVM runs on the operating system whose name starts with {@code prefix} (any case). */
    static boolean osNameStartsWith(String prefix) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
