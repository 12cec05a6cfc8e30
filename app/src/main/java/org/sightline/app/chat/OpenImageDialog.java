package org.sightline.app.chat;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
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

/**
 * Asks for an image file: a path typed or pasted into a field (fast for keyboard users, and spoken by
 * self-voicing), or picked with the system's file chooser behind Browse.
 */
public final class OpenImageDialog {

    private OpenImageDialog() {
    }

    public static Optional<Path> ask(Window owner) {
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
                    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                path.setText(file.getAbsolutePath());
            }
            path.requestFocus();
        });

        ButtonType open = new ButtonType(AppText.get("open.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(AppText.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(open, cancel);
        dialog.getDialogPane().setContent(new VBox(8, label, new HBox(8, path, browse)));
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(path.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == open && !path.getText().isBlank() ? Path.of(path.getText().strip()) : null);
        dialog.setOnShown(e -> Platform.runLater(path::requestFocus));
        return dialog.showAndWait();
    }
}
