package org.sightline.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.app.settings.Settings;
import org.sightline.app.shell.AppServices;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechOutputs;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.TeeSpeechOutput;

/** How the app puts the braille display beside its voice, and still finds the voice's queue for its settings. */
class BrailleWiringTest {

    @Test
    void withBrailleOffTheVoiceIsUsedAlone() {
        RecordingSpeechOutput voice = new RecordingSpeechOutput();
        SpeechOutput speech = AppServices.withBraille(voice, Settings.defaults());
        assertThat(speech).isSameAs(voice);
        speech.speak("Sightline ready.", Priority.NOW);
        assertThat(voice.spoken()).containsExactly("Sightline ready.");
    }

    @Test
    void theQueueIsFoundBehindTheLoggingWrapperAndTheTee() throws Exception {
        try (SpeechQueue queue = SpeechOutputs.create(SpeechSettings.defaults().withEngine("silent"))) {
            SpeechOutput wrapped = new TeeSpeechOutput(new LoggingSpeechOutput(queue, System.err),
                    List.of(new RecordingSpeechOutput()));
            assertThat(LoggingSpeechOutput.queueOf(wrapped)).containsSame(queue);
            AppServices.applySpeechSettings(wrapped, Settings.defaults().withSpeechEngine("espeak-ng"));
            assertThat(queue.settings().engine()).isEqualTo("espeak-ng");
        }
        assertThat(LoggingSpeechOutput.queueOf(new RecordingSpeechOutput())).isEmpty();
    }
}
