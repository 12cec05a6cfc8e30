package org.sightline.app.firstrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.app.AppText;
import org.sightline.app.voice.ProgressAnnouncer;
import org.sightline.i18n.Messages;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Progress;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskHandle;
import org.sightline.task.TaskListener;

/**
 * The first-run setup's state and every action a key can trigger. Each step's text is both shown (through
 * {@link #title()} and {@link #instructions()}) and spoken, since on Linux nothing else voices the window.
 * It holds JavaFX properties but needs no running toolkit: callbacks arrive on the executor's callback
 * thread, the JavaFX thread in the app and the caller's thread in tests.
 */
public final class FirstRunViewModel {

    static final Messages MESSAGES = new Messages("org.sightline.app.firstrun.messages");

    private final SpeechOutput speech;
    private final SpeechEngineChoices engines;
    private final ModelChoices models;
    private final FirstRunCompletion completion;
    private final TaskExecutor executor;

    private final ObjectProperty<FirstRunStep> step = new SimpleObjectProperty<>(FirstRunStep.WELCOME);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty instructions = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final ObservableList<EngineRow> engineRows = FXCollections.observableArrayList();
    private final IntegerProperty selectedEngine = new SimpleIntegerProperty(-1);
    private final ObservableList<ModelRow> modelRows = FXCollections.observableArrayList();
    private final ObservableList<KeyTip> keyTips = FXCollections.observableArrayList();
    private final IntegerProperty selectedTip = new SimpleIntegerProperty(-1);
    // One read-only view of each list, kept for the model's lifetime: the view's listeners stay attached.
    private final ObservableList<EngineRow> engineRowsView = FXCollections.unmodifiableObservableList(engineRows);
    private final ObservableList<ModelRow> modelRowsView = FXCollections.unmodifiableObservableList(modelRows);
    private final ObservableList<KeyTip> keyTipsView = FXCollections.unmodifiableObservableList(keyTips);

    private TaskHandle<?> running;
    private boolean escapePressedOnce;
    /** Why the last model download failed, while no later download or import has replaced it; else null. */
    private String modelTrouble;
    private final ProgressAnnouncer announcer;

    /** A row of the voice list. */
    public record EngineRow(SpeechEngineChoices.Option option, String label) {
    }

    /** A row of the model list, with whether the user selected it for download. */
    public static final class ModelRow {
        private final ModelChoices.Option option;
        private final BooleanProperty selected;

        ModelRow(ModelChoices.Option option, boolean selected) {
            this.option = option;
            this.selected = new SimpleBooleanProperty(selected);
        }

        public ModelChoices.Option option() {
            return option;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public boolean isSelected() {
            return selected.get();
        }

        /** What the list shows and speaks for this row: name, purpose, size, and "installed". */
        public String label() {
            String size = SizeText.format(option.sizeBytes());
            return option.installed()
                    ? MESSAGES.get("models.row.installed", option.displayName(), option.purpose(), size)
                    : MESSAGES.get("models.row", option.displayName(), option.purpose(), size);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    public FirstRunViewModel(SpeechOutput speech, SpeechEngineChoices engines, ModelChoices models,
                             FirstRunCompletion completion, TaskExecutor executor) {
        this(speech, engines, models, completion, executor, System::nanoTime);
    }

    /** @param nanoClock the clock that paces spoken progress ({@link ProgressAnnouncer}) */
    public FirstRunViewModel(SpeechOutput speech, SpeechEngineChoices engines, ModelChoices models,
                             FirstRunCompletion completion, TaskExecutor executor, LongSupplier nanoClock) {
        this.speech = Objects.requireNonNull(speech);
        this.announcer = new ProgressAnnouncer(speech, nanoClock, percent -> MESSAGES.get("models.progress", percent));
        this.engines = Objects.requireNonNull(engines);
        this.models = Objects.requireNonNull(models);
        this.completion = Objects.requireNonNull(completion);
        this.executor = Objects.requireNonNull(executor);
    }

    /** Whether the app should open the setup by itself at start. */
    public boolean shouldRunAtStart() {
        return !completion.isCompleted();
    }

    /** Starts, or replays, the setup from the welcome. */
    public void start() {
        cancelRunning();
        finished.set(false);
        enter(FirstRunStep.WELCOME);
    }

    /** Enter: keeps the choice on this page and goes to the next one; on the last page, finishes. */
    public void next() {
        if (refuseWhileBusy()) {
            return;
        }
        FirstRunStep current = step.get();
        if (current == FirstRunStep.SPEECH_ENGINE) {
            keepSelectedEngine();
        }
        if (current == FirstRunStep.DONE) {
            finish(FirstRunCompletion.Outcome.FINISHED);
            return;
        }
        enter(current.next());
    }

    public void back() {
        if (refuseWhileBusy() || step.get() == FirstRunStep.WELCOME) {
            return;
        }
        enter(step.get().previous());
    }

    /**
     * Escape: cancels what is running; otherwise silences speech and, pressed twice in a row, leaves
     * the setup. Twice, because Escape is also how users silence speech, and that must not lose the setup.
     */
    public void escape() {
        if (running != null) {
            running.cancel();
            return;
        }
        speech.stop();
        if (escapePressedOnce) {
            finish(FirstRunCompletion.Outcome.SKIPPED);
            return;
        }
        escapePressedOnce = true;
        say(MESSAGES.get("escape.again"));
    }

    /** "Leave setup" button or the window's close box: ends the setup now; it can be replayed later. */
    public void leave() {
        if (!finished.get()) {
            finish(FirstRunCompletion.Outcome.SKIPPED);
        }
    }

    /** F1: says the current page again. */
    public void repeat() {
        say(MESSAGES.get("page.repeat", title.get(), instructions.get()));
    }

    /** Speaks what the user moved the focus to with Tab, as a screen reader would. */
    public void focusMovedTo(String description) {
        speech.speak(description, Priority.NOW);
    }

    // --- voice ---------------------------------------------------------------------------------

    /** Arrow keys in the voice list: selects an engine and lets the user hear it. */
    public void selectEngine(int index) {
        if (index < 0 || index >= engineRows.size() || index == selectedEngine.get()) {
            return;
        }
        selectedEngine.set(index);
        SpeechEngineChoices.Option option = engineRows.get(index).option();
        if (!option.available()) {
            say(MESSAGES.get("engine.unavailable", option.displayName(), option.unavailableReason()));
            return;
        }
        speech.stop();
        String sample = MESSAGES.get("engine.sample", option.displayName());
        if (running != null) {
            running.cancel();
        }
        running = executor.submit(context -> {
            engines.preview(option.id(), sample);
            return null;
        }, new TaskListener<Object>() {
            @Override
            public void succeeded(Object ignored) {
                running = null;
                status.set(sample);
            }

            @Override
            public void failed(Throwable error) {
                running = null;
                say(MESSAGES.get("engine.previewFailed", option.displayName(), AppText.userMessage(error)));
            }

            @Override
            public void cancelled() {
                running = null;
            }
        });
    }

    private void keepSelectedEngine() {
        int index = selectedEngine.get();
        if (index < 0) {
            return;
        }
        SpeechEngineChoices.Option option = engineRows.get(index).option();
        if (!option.available()) {
            return;
        }
        if (!option.id().equals(engines.currentId())) {
            engines.choose(option.id());
        }
        status.set(MESSAGES.get("engine.kept", option.displayName()));
    }

    // --- models --------------------------------------------------------------------------------

    /** Space in the model list: selects or clears a model, and says the total. */
    public void toggleModel(int index) {
        if (index < 0 || index >= modelRows.size()) {
            return;
        }
        ModelRow row = modelRows.get(index);
        row.selectedProperty().set(!row.isSelected());
        String state = MESSAGES.get(row.isSelected() ? "models.row.selected" : "models.row.notSelected");
        say(MESSAGES.get("models.toggled", row.option().displayName(), state, selectionSummary()));
    }

    /** Arrow keys in the model list: says the model, its size and whether it is selected. */
    public void describeModel(int index) {
        if (index < 0 || index >= modelRows.size()) {
            return;
        }
        ModelRow row = modelRows.get(index);
        String state = row.option().installed() ? ""
                : ", " + MESSAGES.get(row.isSelected() ? "models.row.selected" : "models.row.notSelected");
        speech.speak(row.label() + state, Priority.NOW);
    }

    /** "2 models selected, 1.3 GB in all." */
    public String selectionSummary() {
        List<ModelRow> chosen = chosenModels();
        if (chosen.isEmpty()) {
            return MESSAGES.get("models.selection.none");
        }
        long total = chosen.stream().mapToLong(r -> r.option().sizeBytes()).sum();
        return MESSAGES.get("models.selection", chosen.size(), SizeText.format(total));
    }

    /** D: downloads the selected models, speaking progress by the one progress rule; Escape cancels. */
    public void downloadSelected() {
        if (refuseWhileBusy()) {
            return;
        }
        List<ModelRow> chosen = chosenModels();
        if (chosen.isEmpty()) {
            say(MESSAGES.get("models.nothingSelected"));
            return;
        }
        List<String> ids = chosen.stream().map(r -> r.option().id()).toList();
        long total = chosen.stream().mapToLong(r -> r.option().sizeBytes()).sum();
        say(MESSAGES.get("models.downloading", ids.size(), SizeText.format(total)));
        speech.play(Earcon.WORKING);
        announcer.reset();
        busy.set(true);
        running = executor.submit(context -> {
            models.download(ids, context);
            return null;
        }, new TaskListener<Object>() {
            @Override
            public void progressed(Progress progress) {
                reportProgress(progress);
            }

            @Override
            public void succeeded(Object ignored) {
                endTask();
                refreshModels();
                modelTrouble = null;
                speech.play(Earcon.DONE);
                say(MESSAGES.get("models.downloaded"));
            }

            @Override
            public void failed(Throwable error) {
                endTask();
                refreshModels();
                modelTrouble = AppText.userMessage(error);
                speech.play(Earcon.ERROR);
                say(MESSAGES.get("models.downloadFailed", modelTrouble));
            }

            @Override
            public void cancelled() {
                endTask();
                refreshModels();
                say(MESSAGES.get("models.cancelled"));
            }
        });
    }

    /** I, then a folder chosen in the dialog: installs the models found there. */
    public void importFrom(Path folder) {
        if (refuseWhileBusy()) {
            return;
        }
        say(MESSAGES.get("models.importing", folder));
        speech.play(Earcon.WORKING);
        announcer.reset();
        busy.set(true);
        running = executor.submit(context -> models.importFrom(folder, context), new TaskListener<List<String>>() {
            @Override
            public void progressed(Progress progress) {
                reportProgress(progress);
            }

            @Override
            public void succeeded(List<String> ids) {
                endTask();
                refreshModels();
                if (ids.isEmpty()) {
                    speech.play(Earcon.ERROR);
                    say(MESSAGES.get("models.importedNone", folder));
                } else {
                    modelTrouble = null;
                    speech.play(Earcon.DONE);
                    say(MESSAGES.get("models.imported", ids.size(), folder));
                }
            }

            @Override
            public void failed(Throwable error) {
                endTask();
                speech.play(Earcon.ERROR);
                say(MESSAGES.get("models.importFailed", AppText.userMessage(error)));
            }

            @Override
            public void cancelled() {
                endTask();
                refreshModels();
                say(MESSAGES.get("models.importCancelled"));
            }
        });
    }

    private void reportProgress(Progress progress) {
        status.set(announcer.report(progress));
    }

    private List<ModelRow> chosenModels() {
        List<ModelRow> chosen = new ArrayList<>();
        for (ModelRow row : modelRows) {
            if (row.isSelected() && !row.option().installed()) {
                chosen.add(row);
            }
        }
        return chosen;
    }

    private void refreshModels() {
        List<String> stillWanted = chosenModels().stream().map(r -> r.option().id()).toList();
        List<ModelRow> rows = new ArrayList<>();
        for (ModelChoices.Option option : models.models()) {
            rows.add(new ModelRow(option, !option.installed() && stillWanted.contains(option.id())));
        }
        modelRows.setAll(rows);
    }

    // --- key tour ------------------------------------------------------------------------------

    /** Arrow keys in the tour: says one key and what it does. */
    public void selectTip(int index) {
        selectTip(index, Priority.NOW);
    }

    private void selectTip(int index, Priority priority) {
        if (index < 0 || index >= keyTips.size()) {
            return;
        }
        selectedTip.set(index);
        KeyTip tip = keyTips.get(index);
        String text = MESSAGES.get("tour.tip", tip.keys(), tip.action(), index + 1, keyTips.size());
        status.set(text);
        speech.speak(text, priority);
    }

    static List<KeyTip> tour() {
        List<KeyTip> tips = new ArrayList<>();
        for (String key : List.of("describeScreen", "describeWindow", "readText", "camera", "ask", "stop",
                "repeat", "global", "help")) {
            tips.add(new KeyTip(MESSAGES.get("tour." + key + ".keys"), MESSAGES.get("tour." + key)));
        }
        return tips;
    }

    // --- steps ---------------------------------------------------------------------------------

    /** Fills the page's lists first, then switches to it, so the view finds them ready to focus. */
    private void enter(FirstRunStep target) {
        escapePressedOnce = false;
        status.set("");
        switch (target) {
            case WELCOME -> show(target, "welcome.title", MESSAGES.get("welcome.text"));
            case SPEECH_ENGINE -> enterEngines();
            case MODELS -> enterModels();
            case KEYS_TOUR -> enterTour();
            // After a failed download the last page says so, and what works without the models.
            case DONE -> show(target, modelTrouble == null ? "done.title" : "done.titleWithoutModels",
                    modelTrouble == null ? MESSAGES.get("done.text")
                            : MESSAGES.get("done.textWithoutModels", modelTrouble));
            default -> throw new IllegalStateException(target.name());
        }
    }

    /** Lists every engine and selects the best one that can speak here, so the user hears it at once. */
    private void enterEngines() {
        List<EngineRow> rows = new ArrayList<>();
        int best = -1;
        int current = -1;
        for (SpeechEngineChoices.Option option : engines.engines()) {
            String label = option.available()
                    ? MESSAGES.get("engine.row.available", option.displayName())
                    : MESSAGES.get("engine.row.unavailable", option.displayName(), option.unavailableReason());
            if (option.available() && best < 0) {
                best = rows.size();
            }
            if (option.available() && option.id().equals(engines.currentId())) {
                current = rows.size();
            }
            rows.add(new EngineRow(option, label));
        }
        engineRows.setAll(rows);
        // Coming back to this page keeps the voice already chosen; the first visit starts from the best.
        int start = current >= 0 ? current : best;
        selectedEngine.set(start);
        if (start < 0) {
            show(FirstRunStep.SPEECH_ENGINE, "engine.title", MESSAGES.get("engine.text.none"));
            return;
        }
        SpeechEngineChoices.Option chosen = rows.get(start).option();
        if (!chosen.id().equals(engines.currentId())) {
            engines.choose(chosen.id());
        }
        show(FirstRunStep.SPEECH_ENGINE, "engine.title", MESSAGES.get("engine.text", chosen.displayName()));
    }

    private void enterModels() {
        List<ModelRow> rows = new ArrayList<>();
        for (ModelChoices.Option option : models.models()) {
            rows.add(new ModelRow(option, option.recommended() && !option.installed()));
        }
        modelRows.setAll(rows);
        if (rows.isEmpty()) {
            show(FirstRunStep.MODELS, "models.title", MESSAGES.get("models.text.none"));
        } else {
            show(FirstRunStep.MODELS, "models.title", MESSAGES.get("models.text") + " " + selectionSummary());
        }
    }

    private void enterTour() {
        keyTips.setAll(tour());
        selectedTip.set(-1);
        show(FirstRunStep.KEYS_TOUR, "tour.title", MESSAGES.get("tour.text"));
        // Queued behind the page text: the first key follows the introduction instead of cutting it off.
        selectTip(0, Priority.NORMAL);
    }

    private void show(FirstRunStep target, String titleKey, String text) {
        title.set(MESSAGES.get(titleKey));
        instructions.set(text);
        step.set(target);
        String position = MESSAGES.get("step.position", target.number(), FirstRunStep.values().length);
        speech.speak(MESSAGES.get("page.spoken", title.get(), position, text), Priority.NOW);
    }

    private void finish(FirstRunCompletion.Outcome outcome) {
        cancelRunning();
        completion.record(outcome);
        if (outcome == FirstRunCompletion.Outcome.SKIPPED) {
            say(MESSAGES.get("skipped"));
        }
        finished.set(true);
    }

    private boolean refuseWhileBusy() {
        if (busy.get()) {
            say(MESSAGES.get("busy"));
            return true;
        }
        return false;
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
    }

    private void endTask() {
        running = null;
        busy.set(false);
    }

    /** Speaks and shows a short message; NOW, because it answers the key the user just pressed. */
    private void say(String text) {
        status.set(text);
        speech.speak(text, Priority.NOW);
    }

    /** The error as one sentence: the messages around it go on with another sentence after it. */
    // --- what the view binds to ----------------------------------------------------------------

    public ReadOnlyObjectProperty<FirstRunStep> stepProperty() {
        return step;
    }

    public FirstRunStep step() {
        return step.get();
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty instructions() {
        return instructions;
    }

    /** The last short message (a preview, progress, an error), shown under the page text. */
    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Becomes true when the setup ends; the view closes its window then. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    public ObservableList<EngineRow> engineRows() {
        return engineRowsView;
    }

    public ReadOnlyIntegerProperty selectedEngineProperty() {
        return selectedEngine;
    }

    public ObservableList<ModelRow> modelRows() {
        return modelRowsView;
    }

    public ObservableList<KeyTip> keyTips() {
        return keyTipsView;
    }

    public ReadOnlyIntegerProperty selectedTipProperty() {
        return selectedTip;
    }
}
