package org.sightline.speech.engine;

import java.util.List;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmSink;
import org.sightline.task.CancellationToken;

/**
 * A speech synthesiser. Implementations are listed in {@code META-INF/services/org.sightline.speech.engine.TtsEngine}
 * and need a public no-argument constructor that does no work: voices load on first use.
 *
 * <p>Two kinds exist. Renderers ({@link #rendersAudio()} true) synthesise PCM into the sink given to
 * {@link #speak}, so Sightline plays it and can write it to a WAV file. Speaking engines (speech-dispatcher)
 * make the sound themselves and ignore the sink.
 */
public interface TtsEngine extends AutoCloseable {

    /** Short, stable, lower-case name used in settings and on the command line, e.g. {@code espeak-ng}. */
    String id();

    /** Higher is preferred when the user has not chosen an engine. */
    int rank();

    /** Whether the engine can run on this machine now. Cheap and cached: called on every fallback decision. */
    boolean isAvailable();

    /** True when the engine writes its audio to the sink (and so can render to a file). */
    boolean rendersAudio();

    /** The voices the engine offers; empty when it cannot tell. May take a moment the first time. */
    List<Voice> voices();

    /**
     * Speaks {@code text} and returns when it has been synthesised (renderers) or spoken (speaking engines),
     * or soon after {@code stop} is cancelled. Text the engine cannot pronounce is skipped, not an error.
     *
     * @throws EngineFailure when the engine broke (its process died, its server went away): the caller then
     *                       falls back to another engine
     */
    void speak(String text, SpeechSettings settings, PcmSink sink, CancellationToken stop);

    /** Lets go of connections and voices; the engine may be used again afterwards. */
    @Override
    default void close() {
    }
}
