package org.sightline.app.settings;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sightline.app.AppText;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.error.SightlineException;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

/**
 * The settings screen, a modal dialog: Tab moves through the fields in visual order, Enter saves, Escape
 * cancels. Problems (a hotkey that is not a chord, two actions on one chord) are shown and spoken, and the
 * dialog stays open until they are fixed or the user cancels.
 */
public final class SettingsView {

    private SettingsView() {
    }

    /** Keeps the settings the user saved; throws, with a sentence for the user, when they cannot be kept. */
    @FunctionalInterface
    public interface Saver {
        void save(Settings settings) throws SightlineException;
    }

    /**
     * Shows the dialog; the edited settings when the user saved, empty when they cancelled. Save hands them to
     * {@code saver} while the dialog is still open: "Settings saved." is said before the dialog's goodbye and
     * where the focus went, and a failure to save is said with the dialog still open, so nothing typed is lost.
     */
    public static Optional<Settings> edit(Window owner, Settings current, SpeechOutput speech, Saver saver) {
        SettingsViewModel model = new SettingsViewModel(current);
        Dialog<Settings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(AppText.get("settings.title"));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;

        CheckBox selfVoicing = checkBox("selfVoicing", "settings.selfVoicing", model.selfVoicingProperty(), speech);
        grid.add(selfVoicing, 0, row++, 2, 1);

        ComboBox<String> language = new ComboBox<>();
        language.setId("language");
        language.getItems().setAll(SettingsViewModel.LANGUAGES);
        language.valueProperty().bindBidirectional(model.languageProperty());
        StringConverter<String> names = new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : AppText.get("settings.language." + code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
        language.setConverter(names);
        language.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        language.valueProperty().addListener((o, was, is) -> speech.speak(names.toString(is), Priority.NOW));
        accessible(language, "settings.language", AccessibleRole.COMBO_BOX);
        row = labelled(grid, row, "settings.language", language);

        for (GlobalHotkey h : GlobalHotkey.values()) {
            TextField chord = new TextField();
            chord.setId("hotkey-" + h.name());
            chord.textProperty().bindBidirectional(model.hotkeyProperty(h));
            chord.setAccessibleText(AppText.get("settings.hotkey", AppText.get(h.messageKey())));
            chord.setAccessibleHelp(AppText.get("settings.hotkey.help"));
            chord.setAccessibleRole(AccessibleRole.TEXT_FIELD);
            Label label = new Label(AppText.get("settings.hotkey", AppText.get(h.messageKey())));
            label.setLabelFor(chord);
            grid.add(label, 0, row);
            grid.add(chord, 1, row++);
        }

        Spinner<Integer> rate = numberField("speechRate", Settings.MIN_RATE, Settings.MAX_RATE, 5,
                model.speechRateProperty());
        accessible(rate, "settings.speechRate", AccessibleRole.SPINNER);
        row = labelled(grid, row, "settings.speechRate", rate);

        row = labelled(grid, row, "settings.speechEngine",
                textField("speechEngine", "settings.speechEngine", model.speechEngineProperty()));

        Spinner<Integer> region = numberField("regionSize", Settings.MIN_REGION, Settings.MAX_REGION, 50,
                model.regionSizeProperty());
        accessible(region, "settings.regionSize", AccessibleRole.SPINNER);
        row = labelled(grid, row, "settings.regionSize", region);

        grid.add(checkBox("keepHistory", "settings.keepHistory", model.keepHistoryProperty(), speech), 0, row++, 2, 1);

        grid.add(checkBox("describeFast", "settings.describeFast", model.describeFastProperty(), speech),
                0, row++, 2, 1);

        grid.add(checkBox("braille", "settings.braille", model.brailleProperty(), speech), 0, row++, 2, 1);

        grid.add(checkBox("serveRequests", "settings.serveRequests", model.serveRequestsProperty(), speech),
                0, row++, 2, 1);

        TextField remoteUrl = textField("remoteUrl", "settings.remoteUrl", model.remoteUrlProperty());
        remoteUrl.setPromptText("http://localhost:11434/v1");
        row = labelled(grid, row, "settings.remoteUrl", remoteUrl);

        row = labelled(grid, row, "settings.remoteModel",
                textField("remoteModel", "settings.remoteModel", model.remoteModelProperty()));

        // Masked on screen; a screen reader hears it as a password field and does not read the key out.
        PasswordField remoteKey = new PasswordField();
        remoteKey.setId("remoteApiKey");
        remoteKey.textProperty().bindBidirectional(model.remoteApiKeyProperty());
        accessible(remoteKey, "settings.remoteApiKey", AccessibleRole.PASSWORD_FIELD);
        row = labelled(grid, row, "settings.remoteApiKey", remoteKey);

        Label problems = new Label();
        problems.setId("settingsProblems");
        problems.setWrapText(true);
        problems.setAccessibleRole(AccessibleRole.TEXT);
        problems.accessibleTextProperty().bind(problems.textProperty());

        ButtonType save = new ButtonType(AppText.get("settings.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(AppText.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().setContent(new VBox(10, grid, problems));
        dialog.getDialogPane().setStyle("-fx-font-size: 15px;");
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setAccessibleHelp(AppText.get("settings.save.help"));
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            commitSpinner(rate);
            commitSpinner(region);
            List<String> found = model.problems();
            if (found.isEmpty()) {
                try {
                    saver.save(model.toSettings());
                    speech.speak(AppText.get("settings.saved"), Priority.NOW);
                    return;
                } catch (SightlineException failed) {
                    found = List.of(failed.getMessage());
                }
            }
            e.consume();
            String text = String.join(" ", found);
            problems.setText(text);
            speech.speak(text, Priority.NOW);
        });
        // Enter saves from any field, as in most dialogs; a check box would otherwise toggle on it. A push
        // button keeps Enter (Cancel must cancel) and an open drop-down list uses it to pick.
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof javafx.scene.control.Button)
                    && !language.isShowing()) {
                e.consume();
                ((ButtonBase) saveButton).fire();
            }
        });
        dialog.setResultConverter(b -> b == save ? model.toSettings() : null);
        // The first control has the focus before the window shows: the user hears the dialog and that control,
        // not first the Save button. The button bar focuses its default button when its skin first lays it out,
        // so that is done here first.
        dialog.setOnShowing(e -> {
            dialog.getDialogPane().applyCss();
            dialog.getDialogPane().layout();
            selfVoicing.requestFocus();
        });
        dialog.setOnShown(e -> Platform.runLater(selfVoicing::requestFocus));
        return dialog.showAndWait();
    }

    /**
     * An editable number spinner bound to {@code value}. Its new values are spoken by the self-voicing that follows
     * the focused spinner, once: speaking them here too said each value twice.
     */
    private static Spinner<Integer> numberField(String id, int min, int max, int step,
                                                javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                value.set(is);
            }
        });
        return spinner;
    }

    /** A check box bound to {@code value} that says "checked" or "not checked" when it is toggled. */
    private static CheckBox checkBox(String id, String key, javafx.beans.property.BooleanProperty value,
                                     SpeechOutput speech) {
        CheckBox box = new CheckBox(AppText.get(key));
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        accessible(box, key, AccessibleRole.CHECK_BOX);
        box.selectedProperty().addListener((o, was, is) -> speech.speak(
                AppText.get(is ? "state.checked" : "state.notChecked"), Priority.NOW));
        return box;
    }

    private static TextField textField(String id, String key, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        accessible(field, key, AccessibleRole.TEXT_FIELD);
        return field;
    }

    private static void accessible(Control c, String key, AccessibleRole role) {
        c.setAccessibleText(AppText.get(key));
        c.setAccessibleHelp(AppText.get(key + ".help"));
        c.setAccessibleRole(role);
    }

    private static int labelled(GridPane grid, int row, String key, Control c) {
        Label label = new Label(AppText.get(key));
        label.setLabelFor(c);
        grid.add(label, 0, row);
        grid.add(c, 1, row);
        return row + 1;
    }

    /** A typed but not yet committed spinner value counts too (the user pressed Enter right after typing). */
    private static void commitSpinner(Spinner<Integer> spinner) {
        if (!spinner.isEditable()) {
            return;
        }
        try {
            String text = spinner.getEditor().getText().strip();
            spinner.getValueFactory().setValue(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
    }
}
