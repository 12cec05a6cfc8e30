package org.sightline.app.firstrun;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.TaskContext;
import org.sightline.task.ThreadPoolTaskExecutor;

/**
 * Opens the first-run setup on its own, with everything it would say printed to standard error, one
 * line each ("say NOW: ..."). For checking an installed package's runtime under Xvfb and for translators
 * reading the texts in place; the app itself opens the setup through {@link FirstRunView#openWindow}.
 *
 * <p>Run: {@code java -cp 'sightline.jar:lib/*' org.sightline.app.firstrun.FirstRunPreview}
 */
public final class FirstRunPreview {

    private FirstRunPreview() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        SpeechOutput console = new SpeechOutput() {
            @Override
            public void speak(String text, Priority priority) {
                err.println("say " + priority + ": " + text);
            }

            @Override
            public void stop() {
                err.println("stop");
            }

            @Override
            public void play(Earcon earcon) {
                err.println("earcon: " + earcon);
            }
        };
        SpeechEngineChoices engines = new SpeechEngineChoices() {
            private String current = "console";

            @Override
            public List<Option> engines() {
                return List.of(new Option("console", FirstRunViewModel.MESSAGES.get("preview.console"), null));
            }

            @Override
            public void preview(String id, String sample) {
                console.speak(sample, Priority.NOW);
            }

            @Override
            public void choose(String id) {
                current = id;
            }

            @Override
            public String currentId() {
                return current;
            }
        };
        // No catalog here: the preview shows the page as it looks when every model is already present.
        ModelChoices noModels = new ModelChoices() {
            @Override
            public List<Option> models() {
                return List.of();
            }

            @Override
            public void download(List<String> ids, TaskContext context) {
            }

            @Override
            public List<String> importFrom(Path folder, TaskContext context) {
                return List.of();
            }
        };
        FirstRunCompletion completion = new FirstRunCompletion() {
            @Override
            public boolean isCompleted() {
                return false;
            }

            @Override
            public void record(Outcome outcome) {
                err.println("setup " + outcome);
            }
        };
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            FirstRunViewModel viewModel = new FirstRunViewModel(console, engines, noModels, completion,
                    new ThreadPoolTaskExecutor(1, Platform::runLater));
            viewModel.finishedProperty().addListener((obs, was, done) -> closed.countDown());
            FirstRunView.openWindow(viewModel, null);
        });
        closed.await();
        Platform.exit();
        System.exit(0);
    }
}
