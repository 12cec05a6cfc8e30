package org.sightline.speech;

import java.util.List;
import java.util.Optional;
import org.sightline.speech.audio.EarconPlayer;
import org.sightline.speech.audio.LinePlayer;
import org.sightline.speech.braille.BrailleOutput;
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

    /**
     * The voice, with the braille display beside it where BRLTTY serves one ({@link BrailleOutput}): a
     * {@link TeeSpeechOutput}. The voice alone, after one log line, where BRLTTY or its Java binding is absent.
     */
    public static SpeechOutput withBraille(SpeechOutput voice) {
        return withBraille(voice, BrailleOutput.connect());
    }

    /** The voice with {@code braille} beside it, or the voice alone. */
    public static SpeechOutput withBraille(SpeechOutput voice, Optional<BrailleOutput> braille) {
        return braille.<SpeechOutput>map(b -> new TeeSpeechOutput(voice, List.of(b))).orElse(voice);
    }
}
