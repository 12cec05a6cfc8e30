package org.sightline.speech.engine;

import java.util.List;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/** The engine of last resort: says nothing, never fails. The app still shows every text, so nothing is lost. */
public final class SilentEngine implements TtsEngine {

    @Override
    public String id() {
        return "silent";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean rendersAudio() {
        return false;
    }

    @Override
    public List<Voice> voices() {
        return List.of();
    }

    @Override
    public void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop) {
        // Deliberately nothing.
    }
}
