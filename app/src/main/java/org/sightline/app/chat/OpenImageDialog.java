package org.sightline.app.chat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sightline.app.AppText;
import org.sightline.speech.SpeechOutput;

/**
 * Asks for an image file, or a document (a PDF, a multi-page TIFF, a folder of page images): a path typed or pasted into a field (fast for keyboard users, and spoken by
 * self-voicing), or picked with the system's file chooser behind Browse.
 */
public final class OpenImageDialog {

    private OpenImageDialog() {
    }

    /**
     * What is wrong with the path typed in the field, in one sentence, or empty when it names a readable file.
     * A leading {@code ~} stands for the home folder, as in a terminal.
     */
    static Optional<String> problemWith(String typed) {
        Optional<Path> path = toPath(typed);
        if (path.isEmpty()) {
            return Optional.of(AppText.get("open.badPath", typed.strip()));
        }
        Path p = path.get();
        // A folder is opened as a document of page images.
        if (Files.isDirectory(p)) {
            return Files.isReadable(p) ? Optional.empty() : Optional.of(AppText.get("open.unreadable", p));
        }
        if (!Files.isRegularFile(p)) {
            return Optional.of(AppText.get("open.noFile", p));
        }
        if (!Files.isReadable(p)) {
            return Optional.of(AppText.get("open.unreadable", p));
        }
        return Optional.empty();
    }

    static Optional<Path> toPath(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        try {
            return t.isEmpty() ? Optional.empty() : Optional.of(Path.of(t));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Shows the dialog; a path that names no readable image file keeps it open with one spoken sentence of what
     * is wrong, the path still in the field to correct.
     */
    public static Optional<Path> ask(Window owner, SpeechOutput speech) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(AppText.get("open.title"));
        dialog.setHeaderText(null);

        Label label = new Label(AppText.get("open.path"));
        TextField path = new TextField();
        path.setId("imagePath");
        path.setAccessibleText(AppText.get("open.path"));
        path.setAccessibleHelp(AppText.get("open.path.help"));
        path.setAccessibleRole(AccessibleRole.TEXT_FIELD);
        label.setLabelFor(path);
        HBox.setHgrow(path, Priority.ALWAYS);
        path.setPrefColumnCount(36);

        Button browse = new Button(AppText.get("open.browse"));
        browse.setId("browse");
        browse.setAccessibleText(AppText.get("open.browse"));
        browse.setAccessibleHelp(AppText.get("open.browse.help"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(AppText.get("open.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(AppText.get("open.images"),
                    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp", "*.pdf", "*.tif", "*.tiff"));
            // The chooser is the system's own window: Sightline cannot voice it, so it says what is happening.
            speech.speak(AppText.get("open.chooserOpen"), org.sightline.speech.Priority.NOW);
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                path.setText(file.getAbsolutePath());
            }
            speech.speak(file == null ? AppText.get("open.chooserCancelled")
                    : AppText.get("open.chooserChosen", file.getName()), org.sightline.speech.Priority.NOW);
            path.requestFocus();
        });

        ButtonType open = new ButtonType(AppText.get("open.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(AppText.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(open, cancel);
        dialog.getDialogPane().setContent(new VBox(8, label, new HBox(8, path, browse)));
        Label problem = new Label();
        long[] saidAt = {0};
        problem.setWrapText(true);
        ((VBox) dialog.getDialogPane().getContent()).getChildren().add(problem);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(path.textProperty().isEmpty());
        dialog.getDialogPane().lookupButton(open).addEventFilter(ActionEvent.ACTION, e -> problemWith(path.getText())
                .ifPresent(message -> {
                    e.consume();
                    // Enter reaches the default button twice (the field's action and the button's accelerator).
                    long now = System.nanoTime();
                    if (!message.equals(problem.getText()) || now - saidAt[0] > 1_000_000_000L) {
                        speech.speak(message, org.sightline.speech.Priority.NOW);
                        saidAt[0] = now;
                    }
                    problem.setText(message);
                    path.requestFocus();
                    path.selectAll();
                }));
        dialog.setResultConverter(b -> b == open ? toPath(path.getText()).orElse(null) : null);
        // The field has the focus before the window shows, so the first thing said is the field, not the Cancel
        // button the dialog would focus first and then leave at once.
        dialog.setOnShowing(e -> path.requestFocus());
        dialog.setOnShown(e -> Platform.runLater(path::requestFocus));
        return dialog.showAndWait();
    }
}
