package org.sightline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.sightline.speech.audio.AudioDevices;
import org.sightline.speech.engine.TtsEngines;

/** The queue the app gets: engines from ServiceLoader, the real sound device, earcons. */
class SpeechOutputsTest {

    @Test
    void everyEngineIsRegisteredBestFirstWithSilenceLast() {
        assertThat(TtsEngines.discover().ids())
                .containsExactly("speech-dispatcher", "sapi", "say", "espeak-ng", "freetts", "silent");
    }

    @Test
    void withoutASoundDeviceSpeechGoesNowhereWithoutHangingOrThrowing() throws Exception {
        assumeFalse(AudioDevices.hasOutput(), "this machine has a sound device; the no-device path is not reachable");
        List<String> sentences = new CopyOnWriteArrayList<>();
        try (SpeechQueue queue = SpeechOutputs.create(SpeechSettings.defaults().withEngine("freetts"),
                new SpeechQueue.Listener() {
                    @Override
                    public void sentence(String text, String engineId) {
                        sentences.add(engineId + ":" + text);
                    }
                })) {
            assertThat(queue.currentEngine()).isEqualTo("freetts");
            for (Earcon e : Earcon.values()) {
                queue.play(e);
            }
            queue.speak("Nobody hears this. The text is shown anyway.", Priority.NORMAL);
            assertThat(queue.awaitIdle(Duration.ofSeconds(30))).isTrue();
            queue.setSettings(SpeechSettings.defaults().withEngine("espeak-ng").withRate(3));
            queue.speak("Faster now.", Priority.NOW);
            assertThat(queue.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(sentences).startsWith("freetts:Nobody hears this.", "freetts:The text is shown anyway.");
        assertThat(sentences).hasSize(3);
    }
}
