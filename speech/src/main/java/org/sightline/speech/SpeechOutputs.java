package org.sightline.speech;

import org.sightline.speech.audio.EarconPlayer;
import org.sightline.speech.audio.LinePlayer;
import org.sightline.speech.engine.TtsEngines;

/** Builds the speech output the app uses. */
public final class SpeechOutputs {

    private SpeechOutputs() {
    }

    /**
     * A running speech queue with every engine found on the classpath, the sound device (or nowhere, if there
     * is none) and earcons. Close it when the app ends.
     */
    public static SpeechQueue create(SpeechSettings settings) {
        return create(settings, null);
    }

    /** As {@link #create(SpeechSettings)}, telling {@code listener} what is spoken and by which engine. */
    public static SpeechQueue create(SpeechSettings settings, SpeechQueue.Listener listener) {
        return new SpeechQueue(TtsEngines.discover(), settings, new LinePlayer(), new EarconPlayer(), listener);
    }
}
