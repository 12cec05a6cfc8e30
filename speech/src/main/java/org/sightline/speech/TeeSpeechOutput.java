package org.sightline.speech;

import java.util.List;

/**
 * The voice and other outputs beside it (a braille display) as one {@link SpeechOutput}: everything said goes
 * to each. The voice leads: a stream is cancelled when the voice's stream is, so a stop or a new question ends
 * the producer's work exactly as it did without the other outputs.
 */
public final class TeeSpeechOutput implements SpeechOutput {

    private final SpeechOutput voice;
    private final List<SpeechOutput> beside;

    public TeeSpeechOutput(SpeechOutput voice, List<? extends SpeechOutput> beside) {
        this.voice = voice;
        this.beside = List.copyOf(beside);
    }

    /** The voice, for settings that apply to it alone (engine, rate). */
    public SpeechOutput voice() {
        return voice;
    }

    /** The outputs beside the voice. */
    public List<SpeechOutput> beside() {
        return beside;
    }

    @Override
    public void speak(String text, Priority priority) {
        voice.speak(text, priority);
        beside.forEach(o -> o.speak(text, priority));
    }

    @Override
    public void stop() {
        voice.stop();
        beside.forEach(SpeechOutput::stop);
    }

    @Override
    public void play(Earcon earcon) {
        voice.play(earcon);
        beside.forEach(o -> o.play(earcon));
    }

    @Override
    public SpeechStream openStream(Priority priority) {
        SpeechStream lead = voice.openStream(priority);
        List<SpeechStream> others = beside.stream().map(o -> o.openStream(priority)).toList();
        return new SpeechStream() {
            @Override
            public void append(String text) {
                lead.append(text);
                others.forEach(s -> s.append(text));
            }

            @Override
            public void finish() {
                lead.finish();
                others.forEach(SpeechStream::finish);
            }

            @Override
            public boolean isCancelled() {
                return lead.isCancelled();
            }
        };
    }

    @Override
    public void close() {
        beside.forEach(SpeechOutput::close);
        voice.close();
    }
}
