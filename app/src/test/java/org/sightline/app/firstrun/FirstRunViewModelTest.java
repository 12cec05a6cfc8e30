package org.sightline.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.firstrun.FirstRunCompletion.Outcome;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.RecordingSpeechOutput.Event;
import org.sightline.task.SynchronousTaskExecutor;
import org.sightline.task.ThreadPoolTaskExecutor;

class FirstRunViewModelTest {

    private static final SpeechEngineChoices.Option SPD =
            new SpeechEngineChoices.Option("speech-dispatcher", "Speech Dispatcher", "its server is not running");
    private static final SpeechEngineChoices.Option ESPEAK =
            new SpeechEngineChoices.Option("espeak-ng", "eSpeak NG", null);
    private static final SpeechEngineChoices.Option FREETTS =
            new SpeechEngineChoices.Option("freetts", "FreeTTS Kevin", null);
    private static final ModelChoices.Option OCR =
            new ModelChoices.Option("ppocr-v4", "PP-OCR v4", "reads text", 16_200_000L, false, true);
    private static final ModelChoices.Option VLM =
            new ModelChoices.Option("vlm-small", "Small describer", "describes pictures", 1_300_000_000L, false, true);
    private static final ModelChoices.Option FACES =
            new ModelChoices.Option("blazeface", "BlazeFace", "finds faces", 450_000L, false, false);

    @TempDir
    Path store;

    private final Locale saved = Messages.locale();
    private RecordingSpeechOutput speech;
    private TestPorts.Engines engines;
    private TestPorts.Models models;
    private TestPorts.Completion completion;
    private FirstRunViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.ENGLISH);
        speech = new RecordingSpeechOutput();
        engines = new TestPorts.Engines(SPD, ESPEAK, FREETTS);
        models = new TestPorts.Models(store, OCR, VLM, FACES);
        completion = new TestPorts.Completion();
        // Each reading of the clock a full gap after the last, so every progress step is due to be spoken.
        AtomicLong now = new AtomicLong();
        vm = new FirstRunViewModel(speech, engines, models, completion, new SynchronousTaskExecutor(),
                () -> now.addAndGet(3_000_000_000L));
    }

    @AfterEach
    void restoreLocale() {
        Messages.setLocale(saved);
    }

    @Test
    void welcomeIsSpokenAtOnceAndShown() {
        assertThat(vm.shouldRunAtStart()).isTrue();
        vm.start();

        assertThat(speech.events()).containsExactly(new Event("speak",
                "Welcome to Sightline. Step 1 of 5. Sightline describes and reads what is on your screen or in front"
                        + " of your camera. This setup takes about two minutes: choose a voice, get the models, and"
                        + " learn the keys. Press Enter to go on, or Escape to leave. You can replay it any time with"
                        + " Shift F1.", Priority.NOW));
        assertThat(vm.title().get()).isEqualTo("Welcome to Sightline");
        assertThat(vm.instructions().get()).startsWith("Sightline describes and reads");
    }

    @Test
    void voicePageSwitchesToTheBestEngineThatCanSpeakAndSaysWhichItIs() {
        vm.start();
        vm.next();

        assertThat(vm.step()).isEqualTo(FirstRunStep.SPEECH_ENGINE);
        assertThat(engines.chosen).containsExactly("espeak-ng");
        assertThat(vm.selectedEngineProperty().get()).isEqualTo(1);
        assertThat(speech.lastSpoken()).isEqualTo("Choose a voice. Step 2 of 5. Sightline is speaking with eSpeak NG,"
                + " the best voice found on this computer. Use the up and down arrows to hear the others. Press Enter"
                + " to keep the voice you hear last.");
        assertThat(vm.engineRows()).extracting(FirstRunViewModel.EngineRow::label).containsExactly(
                "Speech Dispatcher, not available: its server is not running", "eSpeak NG", "FreeTTS Kevin");
    }

    @Test
    void arrowingToAnEngineLetsTheUserHearItAndEnterKeepsIt() {
        vm.start();
        vm.next();
        speech.clear();

        vm.selectEngine(2);

        assertThat(speech.events()).extracting(Event::kind).containsExactly("stop");
        assertThat(engines.previews).containsExactly("freetts: This is FreeTTS Kevin. Sightline will speak with this voice.");
        vm.next();
        assertThat(engines.chosen).containsExactly("espeak-ng", "freetts");
        assertThat(vm.step()).isEqualTo(FirstRunStep.MODELS);
    }

    @Test
    void anUnavailableEngineSaysWhyInsteadOfPlaying() {
        vm.start();
        vm.next();

        vm.selectEngine(0);

        assertThat(engines.previews).isEmpty();
        assertThat(speech.lastSpoken())
                .isEqualTo("Speech Dispatcher is not available on this computer: its server is not running");
        vm.next();
        assertThat(engines.chosen).as("an engine that cannot speak is never kept").containsExactly("espeak-ng");
    }

    @Test
    void anEngineThatFailsToSpeakIsReported() {
        engines.failing.add("freetts");
        vm.start();
        vm.next();

        vm.selectEngine(2);

        assertThat(speech.lastSpoken()).isEqualTo("FreeTTS Kevin could not speak: the sound card is busy.");
    }

    @Test
    void withNoEngineTheUserIsToldAnswersWillBeText() {
        engines = new TestPorts.Engines(SPD);
        vm = new FirstRunViewModel(speech, engines, models, completion, new SynchronousTaskExecutor());
        vm.start();
        vm.next();

        assertThat(speech.lastSpoken()).contains("No voice was found on this computer")
                .contains("Install espeak-ng or speech-dispatcher");
        assertThat(engines.chosen).isEmpty();
        vm.next();
        assertThat(vm.step()).isEqualTo(FirstRunStep.MODELS);
    }

    @Test
    void modelsPageListsSizesAndPreselectsTheRecommendedOnes() {
        goTo(FirstRunStep.MODELS);

        assertThat(vm.modelRows()).extracting(FirstRunViewModel.ModelRow::label).containsExactly(
                "PP-OCR v4, reads text, 16 MB", "Small describer, describes pictures, 1.3 GB",
                "BlazeFace, finds faces, 450 KB");
        assertThat(vm.modelRows()).extracting(FirstRunViewModel.ModelRow::isSelected).containsExactly(true, true, false);
        assertThat(speech.lastSpoken()).startsWith("Get the models. Step 3 of 5. Sightline needs models")
                .endsWith("Press Enter to go on. 2 models selected, 1.3 GB in all.");
    }

    @Test
    void spaceTogglesAModelAndSaysTheNewTotal() {
        goTo(FirstRunStep.MODELS);

        vm.toggleModel(1);
        assertThat(speech.lastSpoken()).isEqualTo("Small describer not selected. 1 model selected, 16 MB in all.");
        vm.toggleModel(0);
        assertThat(speech.lastSpoken()).isEqualTo("PP-OCR v4 not selected. No model selected.");
        vm.downloadSelected();
        assertThat(speech.lastSpoken()).isEqualTo("Select a model with Space first.");
    }

    @Test
    void downloadSpeaksProgressByTheOneRuleAndEndsReady() {
        goTo(FirstRunStep.MODELS);
        speech.clear();

        vm.downloadSelected();

        assertThat(speech.events()).containsExactly(
                new Event("speak", "Downloading 2 models, 1.3 GB. Press Escape to cancel.", Priority.NOW),
                new Event("earcon", "WORKING", null),
                new Event("speak", "20 percent", Priority.NORMAL),
                new Event("speak", "50 percent", Priority.NORMAL),
                new Event("speak", "70 percent", Priority.NORMAL),
                new Event("earcon", "DONE", null),
                new Event("speak", "The models are ready. Press Enter to go on.", Priority.NOW));
        assertThat(Files.exists(store.resolve("ppocr-v4.onnx"))).isTrue();
        assertThat(vm.modelRows()).extracting(FirstRunViewModel.ModelRow::label)
                .contains("PP-OCR v4, reads text, 16 MB, installed");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedDownloadSaysWhyAndOffersTheImport() {
        models.offline = true;
        goTo(FirstRunStep.MODELS);

        vm.downloadSelected();

        assertThat(speech.events()).extracting(Event::toString).endsWith("earcon:ERROR",
                "speak:The download failed: There is no internet connection. You can import the models from a"
                        + " folder instead, with I.");
        assertThat(vm.modelRows()).extracting(FirstRunViewModel.ModelRow::isSelected)
                .as("the selection survives a failure, ready for another try").containsExactly(true, true, false);

        // The last page does not call the setup complete as if nothing went wrong: it says what works now.
        vm.next();
        vm.next();
        assertThat(vm.step()).isEqualTo(FirstRunStep.DONE);
        assertThat(speech.lastSpoken()).startsWith("Setup is done, but the models were not downloaded. Step 5 of 5."
                + " The download failed: There is no internet connection. Reading text, browsing a page");
    }

    @Test
    void escapeCancelsARunningDownloadAndNothingElseHappensWhileItRuns() throws Exception {
        CountDownLatch callbacks = new CountDownLatch(1);
        try (ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(1, Runnable::run)) {
            vm = new FirstRunViewModel(speech, engines, models, completion, executor);
            goTo(FirstRunStep.MODELS);
            models.hold = new CountDownLatch(1);
            vm.busyProperty().addListener((obs, was, busy) -> {
                if (!busy) {
                    callbacks.countDown();
                }
            });

            vm.downloadSelected();
            vm.next();
            assertThat(speech.lastSpoken()).isEqualTo("Please wait, or press Escape to cancel.");
            assertThat(vm.step()).isEqualTo(FirstRunStep.MODELS);
            vm.escape();

            assertThat(callbacks.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(speech.lastSpoken()).isEqualTo("Download cancelled. Press D to try again, or Enter to go on without it.");
        assertThat(Files.list(store)).isEmpty();
        assertThat(completion.recorded).as("Escape during a download does not leave the setup").isEmpty();
    }

    @Test
    void importInstallsTheModelsFoundInAFolder(@TempDir Path usbStick) throws Exception {
        Files.writeString(usbStick.resolve("ppocr-v4.onnx"), "copied from another computer");
        Files.writeString(usbStick.resolve("notes.txt"), "not a model");
        goTo(FirstRunStep.MODELS);

        vm.importFrom(usbStick);

        assertThat(speech.lastSpoken()).isEqualTo("1 model imported from " + usbStick + ". Press Enter to go on.");
        assertThat(vm.modelRows().get(0).option().installed()).isTrue();
        assertThat(vm.modelRows()).extracting(FirstRunViewModel.ModelRow::isSelected).containsExactly(false, true, false);
    }

    @Test
    void importFromAFolderWithoutModelsSaysWhatToChoose(@TempDir Path empty) {
        goTo(FirstRunStep.MODELS);

        vm.importFrom(empty);
        assertThat(speech.lastSpoken()).isEqualTo("No Sightline model was found in " + empty
                + ". Choose the folder that holds the downloaded model files.");

        vm.importFrom(empty.resolve("missing"));
        assertThat(speech.lastSpoken()).isEqualTo("The import failed: The folder " + empty.resolve("missing")
                + " does not exist.");
    }

    @Test
    void theTourIntroducesItselfThenQueuesTheFirstKeyAndArrowsSpeakEachKey() {
        goTo(FirstRunStep.MODELS);
        speech.clear();
        vm.next();

        assertThat(speech.events()).containsExactly(
                new Event("speak", "The keys. Step 4 of 5. A short tour of the keys. Use the up and down arrows to"
                        + " hear each one again. Press Enter to go on.", Priority.NOW),
                new Event("speak", "Control Shift D: describe the screen. 1 of 9.", Priority.NORMAL));
        vm.selectTip(5);
        assertThat(speech.events().get(2))
                .isEqualTo(new Event("speak", "Escape: stop speaking and cancel what is running. 6 of 9.", Priority.NOW));
    }

    @Test
    void finishingRecordsCompletionAndEnds() {
        goTo(FirstRunStep.DONE);
        assertThat(speech.lastSpoken()).isEqualTo("Setup is complete. Step 5 of 5. Sightline is ready. Press F1 at"
                + " any time to hear the keys, and Shift F1 to replay this setup. Press Enter to start.");

        vm.next();

        assertThat(completion.recorded).containsExactly(Outcome.FINISHED);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.shouldRunAtStart()).isFalse();
    }

    @Test
    void escapeFirstSilencesThenASecondEscapeLeaves() {
        vm.start();
        vm.next();
        speech.clear();

        vm.escape();
        assertThat(speech.events()).containsExactly(new Event("stop", null, null),
                new Event("speak", "Press Escape again to leave setup, or Enter to go on.", Priority.NOW));
        assertThat(vm.finishedProperty().get()).isFalse();

        vm.escape();
        assertThat(speech.lastSpoken()).isEqualTo("Setup closed. You can replay it with Shift F1.");
        assertThat(completion.recorded).containsExactly(Outcome.SKIPPED);
        assertThat(vm.finishedProperty().get()).isTrue();
    }

    @Test
    void anEscapeFollowedByEnterDoesNotLeaveOnTheNextEscape() {
        vm.start();
        vm.escape();
        vm.next();
        vm.escape();

        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(vm.step()).isEqualTo(FirstRunStep.SPEECH_ENGINE);
    }

    @Test
    void backReturnsAndTheChosenVoiceIsKept() {
        vm.start();
        vm.next();
        vm.selectEngine(2);
        vm.next();
        vm.back();

        assertThat(vm.step()).isEqualTo(FirstRunStep.SPEECH_ENGINE);
        assertThat(vm.selectedEngineProperty().get()).isEqualTo(2);
        assertThat(speech.lastSpoken()).contains("Sightline is speaking with FreeTTS Kevin");
    }

    @Test
    void f1RepeatsThePageAndTheSetupCanBeReplayed() {
        goTo(FirstRunStep.DONE);
        vm.next();
        speech.clear();

        vm.start();
        vm.repeat();

        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(vm.step()).isEqualTo(FirstRunStep.WELCOME);
        assertThat(speech.spoken()).hasSize(2);
        assertThat(speech.lastSpoken()).startsWith("Welcome to Sightline. Sightline describes");
    }

    @Test
    void speaksChineseWhenTheUserReadsChinese() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        vm.start();
        vm.next();

        assertThat(speech.spoken().get(0)).startsWith("欢迎使用 Sightline。第 1 步，共 5 步。");
        assertThat(speech.lastSpoken()).startsWith("选择语音。第 2 步，共 5 步。Sightline 正在使用 eSpeak NG");
    }

    private void goTo(FirstRunStep target) {
        vm.start();
        while (vm.step() != target) {
            vm.next();
        }
    }
}
