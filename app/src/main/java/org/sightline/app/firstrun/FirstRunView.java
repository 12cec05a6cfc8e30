package org.sightline.app.firstrun;

import java.io.File;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sightline.app.voice.SelfVoicing;
import org.sightline.i18n.Messages;

/**
 * The first-run setup's window content, built in code. Everything works from the keyboard: Tab and
 * Shift+Tab between the list and the buttons, arrows in the list, Space to select a model, Enter for the
 * next page, Escape to stop or leave, F1 to hear the page again, D and I on the models page. The view
 * voices focus changes itself, because on Linux no screen reader sees JavaFX windows.
 */
public final class FirstRunView {

    private static final Messages MESSAGES = FirstRunViewModel.MESSAGES;

    private final FirstRunViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label position = new Label();
    private final Label instructions = new Label();
    private final Label status = new Label();
    private final ListView<FirstRunViewModel.EngineRow> engineList = new ListView<>();
    private final ListView<FirstRunViewModel.ModelRow> modelList = new ListView<>();
    private final ListView<KeyTip> tipList = new ListView<>();
    private final Button download = new Button(MESSAGES.get("models.download"));
    private final Button importButton = new Button(MESSAGES.get("models.import"));
    private final VBox modelPage = new VBox(8);
    private final Button back = new Button(MESSAGES.get("button.back"));
    private final Button skip = new Button(MESSAGES.get("button.skip"));
    private final Button next = new Button(MESSAGES.get("button.next"));
    private final ProgressIndicator working = new ProgressIndicator();

    /** Set while the view moves the focus itself, so that only the user's own moves are spoken. */
    private boolean movingFocus;
    private int lastModelRow;
    /** Enter and Escape while they are held down, to ignore their key repeat. */
    private final java.util.Set<KeyCode> held = java.util.EnumSet.noneOf(KeyCode.class);

    public FirstRunView(FirstRunViewModel viewModel) {
        this.viewModel = viewModel;
        layOut();
        bind();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> held.remove(e.getCode()));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusSpeaker);
                focusPrimaryControl();
            }
        });
    }

    /** The content to put into a window or a dialog. */
    public Parent root() {
        return root;
    }

    /**
     * Opens the setup in its own window (at the first start, or with Shift+F1) and
     * starts it. The window closes when the setup ends; closing it early counts as leaving the setup.
     */
    public static Stage openWindow(FirstRunViewModel viewModel, Window owner) {
        FirstRunView view = new FirstRunView(viewModel);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(MESSAGES.get("window.title"));
        stage.setScene(new Scene(view.root(), 720, 520));
        viewModel.finishedProperty().addListener((obs, was, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> viewModel.leave());
        viewModel.start();
        stage.show();
        return stage;
    }

    private void layOut() {
        // This view speaks its own focus changes (through the ViewModel): the app's self-voicing stays out.
        root.getProperties().put(SelfVoicing.SPEAKS_ITSELF, Boolean.TRUE);
        title.setFont(Font.font(null, FontWeight.BOLD, 22));
        title.setWrapText(true);
        instructions.setWrapText(true);
        instructions.setFont(Font.font(16));
        // The page text must never be cut to "..." by the list below it.
        instructions.setMinHeight(Region.USE_PREF_SIZE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setWrapText(true);
        status.setFont(Font.font(16));
        working.setMaxSize(28, 28);

        engineList.setCellFactory(list -> textCell(FirstRunViewModel.EngineRow::label));
        tipList.setCellFactory(list -> textCell(tip -> tip.keys() + ": " + tip.action()));
        modelList.setCellFactory(list -> new ModelCell());
        engineList.setItems(viewModel.engineRows());
        modelList.setItems(viewModel.modelRows());
        tipList.setItems(viewModel.keyTips());
        download.setFocusTraversable(true);
        download.setOnAction(e -> viewModel.downloadSelected());
        importButton.setOnAction(e -> chooseImportFolder());
        HBox modelButtons = new HBox(8, download, importButton);
        modelPage.getChildren().addAll(modelList, modelButtons);
        VBox.setVgrow(modelList, Priority.ALWAYS);

        StackPane pages = new StackPane(engineList, modelPage, tipList);
        VBox centre = new VBox(12, position, instructions, pages, status);
        VBox.setVgrow(pages, Priority.ALWAYS);
        centre.setPadding(new Insets(12, 0, 12, 0));

        back.setOnAction(e -> viewModel.back());
        skip.setOnAction(e -> viewModel.leave());
        next.setOnAction(e -> viewModel.next());
        next.setDefaultButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, skip, spacer, working, next);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.setTop(title);
        root.setCenter(centre);
        root.setBottom(buttons);
        root.setPadding(new Insets(20));
    }

    private void bind() {
        title.textProperty().bind(viewModel.title());
        instructions.textProperty().bind(viewModel.instructions());
        status.textProperty().bind(viewModel.status());
        working.visibleProperty().bind(viewModel.busyProperty());
        viewModel.stepProperty().addListener((obs, old, step) -> showStep(step));
        showStep(viewModel.step());

        engineList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && index.intValue() != viewModel.selectedEngineProperty().get()) {
                viewModel.selectEngine(index.intValue());
            }
        });
        viewModel.selectedEngineProperty().addListener((obs, old, index) -> select(engineList, index.intValue()));
        modelList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                lastModelRow = index.intValue();
                if (!movingFocus) {
                    viewModel.describeModel(index.intValue());
                }
            }
        });
        // A download or an import refreshes the rows; the user stays on the row they were on.
        modelList.getItems().addListener((javafx.collections.ListChangeListener<FirstRunViewModel.ModelRow>) c -> {
            if (!modelList.getItems().isEmpty() && modelList.getSelectionModel().isEmpty()) {
                movingFocus = true;
                try {
                    int row = Math.min(lastModelRow, modelList.getItems().size() - 1);
                    modelList.getSelectionModel().select(row);
                    modelList.getFocusModel().focus(row);
                } finally {
                    movingFocus = false;
                }
            }
        });
        tipList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && index.intValue() != viewModel.selectedTipProperty().get()) {
                viewModel.selectTip(index.intValue());
            }
        });
        viewModel.selectedTipProperty().addListener((obs, old, index) -> select(tipList, index.intValue()));
    }

    private void showStep(FirstRunStep step) {
        position.setText(MESSAGES.get("step.position", step.number(), FirstRunStep.values().length));
        engineList.setVisible(step == FirstRunStep.SPEECH_ENGINE);
        engineList.setManaged(step == FirstRunStep.SPEECH_ENGINE);
        modelPage.setVisible(step == FirstRunStep.MODELS);
        modelPage.setManaged(step == FirstRunStep.MODELS);
        tipList.setVisible(step == FirstRunStep.KEYS_TOUR);
        tipList.setManaged(step == FirstRunStep.KEYS_TOUR);
        back.setDisable(step == FirstRunStep.WELCOME);
        next.setText(MESSAGES.get(step == FirstRunStep.DONE ? "button.finish" : "button.next"));
        engineList.setAccessibleText(viewModel.title().get());
        modelList.setAccessibleText(viewModel.title().get());
        tipList.setAccessibleText(viewModel.title().get());
        select(engineList, viewModel.selectedEngineProperty().get());
        select(tipList, viewModel.selectedTipProperty().get());
        focusPrimaryControl();
    }

    /** Puts the focus where the arrows do something on this page, without speaking over the page text. */
    private void focusPrimaryControl() {
        Node target = switch (viewModel.step()) {
            case SPEECH_ENGINE -> viewModel.engineRows().isEmpty() ? next : engineList;
            case MODELS -> viewModel.modelRows().isEmpty() ? next : modelList;
            case KEYS_TOUR -> tipList;
            default -> next;
        };
        movingFocus = true;
        try {
            if (target == modelList && modelList.getSelectionModel().isEmpty() && !modelList.getItems().isEmpty()) {
                modelList.getSelectionModel().select(0);
                modelList.getFocusModel().focus(0);
            }
            target.requestFocus();
        } finally {
            movingFocus = false;
        }
    }

    private void onKey(KeyEvent event) {
        KeyCode code = event.getCode();
        // A held Enter or Escape repeats; one long press must not race through every page or leave.
        if ((code == KeyCode.ENTER || code == KeyCode.ESCAPE) && !held.add(code)) {
            event.consume();
            return;
        }
        if (code == KeyCode.ESCAPE) {
            viewModel.escape();
            event.consume();
        } else if (code == KeyCode.F1) {
            viewModel.repeat();
            event.consume();
        } else if (code == KeyCode.ENTER) {
            // Enter presses the focused button; anywhere else it goes on to the next page.
            if (root.getScene() != null && root.getScene().getFocusOwner() instanceof Button button
                    && button != next) {
                button.fire();
            } else {
                viewModel.next();
            }
            event.consume();
        } else if (viewModel.step() == FirstRunStep.MODELS && !event.isShortcutDown() && !event.isAltDown()) {
            if (code == KeyCode.SPACE && modelList.isFocused()) {
                viewModel.toggleModel(modelList.getSelectionModel().getSelectedIndex());
                event.consume();
            } else if (code == KeyCode.D) {
                viewModel.downloadSelected();
                event.consume();
            } else if (code == KeyCode.I) {
                chooseImportFolder();
                event.consume();
            }
        }
    }

    private void chooseImportFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(MESSAGES.get("models.chooseFolder"));
        File folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (folder != null) {
            viewModel.importFrom(folder.toPath());
        }
    }

    private final ChangeListener<Node> focusSpeaker = (obs, old, node) -> speakFocus(node);

    private void speakFocus(Node node) {
        if (movingFocus || node == null) {
            return;
        }
        if (node instanceof Button button) {
            viewModel.focusMovedTo(MESSAGES.get("focus.button", button.getText()));
        } else if (node instanceof ListView<?> list) {
            Object item = list.getSelectionModel().getSelectedItem();
            String text = MESSAGES.get("focus.list", list.getAccessibleText());
            viewModel.focusMovedTo(item == null ? text : text + ", " + labelOf(item));
        }
    }

    private static String labelOf(Object item) {
        if (item instanceof FirstRunViewModel.EngineRow row) {
            return row.label();
        }
        if (item instanceof KeyTip tip) {
            return tip.keys() + ": " + tip.action();
        }
        return item.toString();
    }

    private void select(ListView<?> list, int index) {
        if (index >= 0 && index < list.getItems().size() && list.getSelectionModel().getSelectedIndex() != index) {
            list.getSelectionModel().select(index);
            list.getFocusModel().focus(index);
            list.scrollTo(index);
        }
    }

    /**
     * A model row with its check box. The box never takes the focus: Tab goes from the list to the
     * buttons, and Space on the row toggles it through the ViewModel, which says the new total.
     */
    private static final class ModelCell extends ListCell<FirstRunViewModel.ModelRow> {
        private final CheckBox box = new CheckBox();
        private FirstRunViewModel.ModelRow bound;

        ModelCell() {
            box.setFocusTraversable(false);
        }

        @Override
        protected void updateItem(FirstRunViewModel.ModelRow item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            bound = item;
            box.selectedProperty().bindBidirectional(item.selectedProperty());
            box.setDisable(item.option().installed());
            setText(item.label());
            setGraphic(box);
        }
    }

    private static <T> ListCell<T> textCell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
