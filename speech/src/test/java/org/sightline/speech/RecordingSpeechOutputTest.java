package org.sightline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Any SpeechOutput can take a stream: the recording output gets one speak call per sentence. */
class RecordingSpeechOutputTest {

    @Test
    void aStreamBecomesOneSpeakPerSentenceWithTheFirstAtTheStreamsPriority() {
        RecordingSpeechOutput out = new RecordingSpeechOutput();
        try (SpeechStream s = out.openStream(Priority.NOW)) {
            s.append("A red car. ");
            assertThat(out.spoken()).containsExactly("A red car.");
            s.append("It is parked");
        }
        assertThat(out.spoken()).containsExactly("A red car.", "It is parked");
        assertThat(out.events()).extracting(RecordingSpeechOutput.Event::priority)
                .containsExactly(Priority.NOW, Priority.NEXT);
    }
}
