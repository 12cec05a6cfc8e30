package org.sightline.app.models;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The model manager screen, built in code: the list of models (name, state, size, default), Download, Remove,
 * Verify and Cancel buttons with mnemonics, a progress bar whose accessible text carries the rate and time left,
 * and a status line. Keyboard: Tab between controls, arrows in the list, Enter downloads the selected model,
 * Delete asks whether to remove it (Enter removes, Escape keeps it), Escape closes the window (stopping a running
 * download, which resumes later). Every label a screen reader meets says what it is; the list's moves are spoken
 * by the app's self-voicing, which reads each row whole (name, state, size, task).
 */
public final class ModelManagerView {

    private final ModelManagerViewModel model;
    private final VBox root = new VBox(8);
    private final ListView<ModelRow> list = new ListView<>();
    private final Button download = new Button(ModelManagerViewModel.TEXT.get("view.download"));
    private final Button remove = new Button(ModelManagerViewModel.TEXT.get("view.remove"));
    private final Button verify = new Button(ModelManagerViewModel.TEXT.get("view.verify"));
    private final Button cancel = new Button(ModelManagerViewModel.TEXT.get("view.cancel"));
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Label status = new Label();
    private final Label diskUse = new Label();
    private boolean updating;

    public ModelManagerView(ModelManagerViewModel model) {
        this.model = model;
        build();
        model.addListener(() -> {
            if (Platform.isFxApplicationThread()) {
                update();
            } else {
                Platform.runLater(this::update);
            }
        });
        update();
    }

    /**
     * The model manager in a modal window over {@code owner}, the list focused. Escape closes it; closing stops a
     * running download (kept for a resume) and says so. The caller shows it ({@code showAndWait}).
     */
    public static Stage openWindow(Window owner, ModelManagerViewModel model, String title) {
        ModelManagerView view = new ModelManagerView(model);
        Stage window = new Stage();
        window.initOwner(owner);
        window.initModality(Modality.WINDOW_MODAL);
        window.setTitle(title);
        window.setScene(new Scene(view.root(), 720, 480));
        window.setOnShown(e -> view.initialFocus().requestFocus());
        // Before the window is gone, so what stopped is said ahead of "Models closed".
        window.addEventHandler(WindowEvent.WINDOW_HIDING, e -> model.close());
        return window;
    }

    /** The screen's root node, to put in a scene or a dialog. */
    public Parent root() {
        return root;
    }

    /** The model list, which takes the focus when the screen opens. */
    public Node initialFocus() {
        return list;
    }

    private void build() {
        Label title = new Label(ModelManagerViewModel.TEXT.get("view.title"));
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        title.setAccessibleRole(AccessibleRole.TEXT);

        Label listLabel = new Label(ModelManagerViewModel.TEXT.get("view.list"));
        listLabel.setLabelFor(list);
        list.setAccessibleText(ModelManagerViewModel.TEXT.get("view.list"));
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ModelRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setAccessibleText(empty || item == null ? null : item.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!updating && row != null) {
                model.select(row.id());
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && model.pendingRemoval() != null) {
                model.confirmRemove();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && model.canDownload()) {
                model.download();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                // Also for a model that cannot be removed: the model says why.
                model.remove();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        for (Button b : List.of(download, remove, verify, cancel)) {
            b.setMnemonicParsing(true);
            b.setAccessibleText(b.getText().replace("_", ""));
        }
        download.setOnAction(e -> model.download());
        remove.setOnAction(e -> model.remove());
        verify.setOnAction(e -> model.verify());
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, download, remove, verify, cancel);

        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(ModelManagerViewModel.TEXT.get("view.progress"));
        progressLabel.setLabelFor(bar);
        status.setWrapText(true);
        diskUse.setWrapText(true);

        root.setPadding(new Insets(12));
        root.getChildren().addAll(title, listLabel, list, buttons, bar, progressLabel, status, diskUse);
        // A filter, so the list never takes Escape first: one press answers the removal question or closes.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE) {
                return;
            }
            e.consume();
            if (model.pendingRemoval() != null) {
                model.keep();
            } else if (root.getScene() != null && root.getScene().getWindow() instanceof Stage window
                    && window.getOwner() != null) {
                window.close();
            } else {
                model.cancel();
            }
        });
    }

    private void update() {
        updating = true;
        try {
            List<ModelRow> rows = model.rows();
            if (!list.getItems().equals(rows)) {
                list.getItems().setAll(rows);
            }
            String selected = model.selectedId();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(selected) && list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
            }
        } finally {
            updating = false;
        }
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        download.setDisable(!model.canDownload());
        remove.setDisable(!model.canRemove());
        verify.setDisable(!model.canVerify());
        cancel.setDisable(!model.canCancel());
        // A button that just became disabled would leave the keyboard focus nowhere: give it to the list.
        if (focused instanceof Button b && b.isDisabled()) {
            list.requestFocus();
        }
        if (model.busy()) {
            bar.setProgress(model.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : model.progress());
        } else {
            bar.setProgress(0);
        }
        String text = model.progressText();
        progressLabel.setText(text);
        bar.setAccessibleText(text.isEmpty() ? ModelManagerViewModel.TEXT.get("view.progress") : text);
        status.setText(model.status());
        diskUse.setText(model.diskUse());
    }
}
