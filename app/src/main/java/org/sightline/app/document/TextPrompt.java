package org.sightline.app.document;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sightline.app.AppText;

/**
 * A small dialog with one field: the page to go to, the text to find, a password, the file to save to. The
 * field has the focus from the start and carries the label as its accessible name, so self-voicing (and a
 * screen reader) says "Go to page, dialog. Page number, edit text"; a problem with what was typed before is
 * shown above the field and said first, before the label. Enter answers, Escape cancels. The watch keys ask for
 * a region with it too, so every one-field question in Sightline sounds the same.
 */
public final class TextPrompt {

    private final String title;
    private final String label;
    private String text = "";
    private String problem;
    private boolean secret;

    public TextPrompt(String title, String label) {
        this.title = title;
        this.label = label;
    }

    /** Text already in the field (selected, so typing replaces it). */
    public TextPrompt text(String initial) {
        this.text = initial == null ? "" : initial;
        return this;
    }

    /** What was wrong the last time, or null. */
    public TextPrompt problem(String sentence) {
        this.problem = sentence;
        return this;
    }

    /** A password: never shown, never spoken. */
    public TextPrompt secret() {
        this.secret = true;
        return this;
    }

    /** Shows the dialog over {@code owner} and waits; empty when the user cancelled. */
    public Optional<String> ask(Window owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        TextField field = secret ? new PasswordField() : new TextField(text);
        field.setId("documentPrompt");
        field.setAccessibleRole(secret ? AccessibleRole.PASSWORD_FIELD : AccessibleRole.TEXT_FIELD);
        field.setAccessibleText(problem == null ? label : problem + " " + label);
        field.setPrefColumnCount(36);
        Label name = new Label(label);
        name.setLabelFor(field);
        VBox content = new VBox(8);
        if (problem != null) {
            Label shownProblem = new Label(problem);
            shownProblem.setWrapText(true);
            content.getChildren().add(shownProblem);
        }
        content.getChildren().addAll(name, field);
        ButtonType ok = new ButtonType(DocumentText.get("prompt.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(AppText.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().setContent(content);
        // The dialog gives its first focus to the default button, and would open saying "OK, button": OK is
        // off until the field has the focus.
        javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(false);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(shown.not());
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
        // The field has the focus before the window shows, so the first thing said is the field.
        dialog.setOnShowing(e -> field.requestFocus());
        dialog.setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
            shown.set(true);
        }));
        return dialog.showAndWait();
    }
}
