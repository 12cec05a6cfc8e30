package org.sightline.app.voice;

import java.util.function.BooleanSupplier;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.sightline.app.AppText;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

/**
 * Speaks the name and role of whatever gets the keyboard focus, in every Sightline window (the main window
 * and its dialogs), as a screen reader would. On Linux JavaFX exposes nothing to Orca, so without this a
 * blind user would hear nothing while tabbing. Must be used on the JavaFX thread.
 */
public final class SelfVoicing {

    private final SpeechOutput speech;
    private final BooleanSupplier enabled;
    private volatile boolean closed;

    public SelfVoicing(SpeechOutput speech, BooleanSupplier enabled) {
        this.speech = speech;
        this.enabled = enabled;
    }

    /** Follows focus in every window this application opens, now and later. */
    public void attachToAllWindows() {
        for (Window w : Window.getWindows()) {
            attach(w);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    attach(w);
                }
            }
        });
    }

    /** Falls silent for good; the window it followed may be reused by another shell (tests reuse the stage). */
    public void close() {
        closed = true;
    }

    private void attach(Window window) {
        if (window.getProperties().putIfAbsent(this, Boolean.TRUE) != null) {
            return;
        }
        if (window.getScene() != null) {
            attach(window.getScene());
        }
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                attach(scene);
            }
        });
    }

    private void attach(Scene scene) {
        if (scene.getProperties().putIfAbsent(this, Boolean.TRUE) != null) {
            return;
        }
        ChangeListener<Node> onFocus = (obs, old, now) -> {
            if (now != null && !closed && enabled.getAsBoolean() && scene.getWindow() != null && scene.getWindow().isFocused()) {
                speech.speak(announcement(now), Priority.NOW);
            }
        };
        scene.focusOwnerProperty().addListener(onFocus);
    }

    /** What a screen reader would say on focus: "Question, edit text, empty" or "Self-voicing, check box, checked". */
    public static String announcement(Node node) {
        StringBuilder sb = new StringBuilder(name(node));
        String role = roleName(node.getAccessibleRole());
        if (!role.isEmpty()) {
            sb.append(", ").append(role);
        }
        if (node instanceof CheckBox box) {
            sb.append(", ").append(AppText.get(box.isSelected() ? "state.checked" : "state.notChecked"));
        } else if (node instanceof ComboBox<?> combo && combo.getValue() != null) {
            sb.append(", ").append(shownValue(combo));
        } else if (node instanceof ComboBoxBase<?> combo && combo.getValue() != null) {
            sb.append(", ").append(combo.getValue());
        } else if (node instanceof PasswordField secret) {
            // A key or password is never read out: only whether one is there.
            sb.append(", ").append(AppText.get(secret.getText() == null || secret.getText().isEmpty()
                    ? "state.empty" : "state.filled"));
        } else if (node instanceof TextInputControl input && input.isEditable()) {
            String text = input.getText();
            sb.append(", ").append(text == null || text.isEmpty() ? AppText.get("state.empty") : text);
        }
        return sb.toString();
    }

    /** The value as the combo box shows it (its converter's text), not the code behind it. */
    private static <T> String shownValue(ComboBox<T> combo) {
        return combo.getConverter() == null ? String.valueOf(combo.getValue())
                : combo.getConverter().toString(combo.getValue());
    }

    private static String name(Node node) {
        if (node.getAccessibleText() != null && !node.getAccessibleText().isBlank()) {
            return node.getAccessibleText();
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            return labeled.getText().replace("_", "");
        }
        return "";
    }

    static String roleName(AccessibleRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case BUTTON -> AppText.get("role.button");
            case CHECK_BOX -> AppText.get("role.checkBox");
            case COMBO_BOX -> AppText.get("role.comboBox");
            case TEXT_FIELD -> AppText.get("role.textField");
            case PASSWORD_FIELD -> AppText.get("role.passwordField");
            case TEXT_AREA -> AppText.get("role.textArea");
            case SPINNER -> AppText.get("role.spinner");
            case LIST_VIEW -> AppText.get("role.list");
            default -> "";
        };
    }
}
