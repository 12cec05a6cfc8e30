package org.sightline.app.voice;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.sightline.app.AppText;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;

/**
 * Speaks the name and role of whatever gets the keyboard focus, in every Sightline window (the main window
 * and its dialogs), as a screen reader would: a dialog's title when it opens, the item and its position when the
 * arrows move in a focused list, a spin button's value when it changes, and where the focus is when the user
 * comes back to a window (from a dialog that closed, or from another program). On Linux JavaFX exposes nothing to
 * Orca, so without this a blind user would hear nothing while tabbing. Must be used on the JavaFX thread.
 */
public final class SelfVoicing {

    /**
     * Put in a scene root's {@link Node#getProperties() properties} (any value) by a view that speaks its own focus
     * changes, so that they are not spoken twice.
     */
    public static final String SPEAKS_ITSELF = "sightline.speaksItself";

    /** On a window the focus comes back to without a word: its dialog closed (which said so) or the app returns. */
    private static final String QUIET_RETURN = "sightline.quietReturn";
    /**
     * After a dialog closes, a window manager hands the focus back to its owner within a few tenths of a second (at
     * most 0.17 s seen, on two loaded cores). One that leaves the focus nowhere makes the user's own return the first
     * focus after the mark, so the span is kept short: a user who went elsewhere and came back at once is heard.
     */
    private static final long DIALOG_RETURN_NS = 600_000_000L;
    /** Sightline bringing its own window back after a capture: the request itself takes a moment. */
    private static final long COME_BACK_NS = 2_000_000_000L;
    /** Away this long, the user went somewhere: shorter is a window manager passing the focus around. */
    private static final long AWAY_NS = 400_000_000L;
    private static final String MODE = "sightline.modeOnReturn";
    private static final System.Logger LOG = System.getLogger(SelfVoicing.class.getName());

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
        // Coming back to a window that had the focus before: say which window and where the focus is in it.
        boolean[] focusedBefore = {window.isFocused()};
        long[] leftAt = {0};
        window.focusedProperty().addListener((obs, was, focused) -> {
            long now = System.nanoTime();
            if (!focused) {
                leftAt[0] = now;
                LOG.log(System.Logger.Level.DEBUG, () -> "Focus left " + describe(window));
                return;
            }
            Scene scene = window.getScene();
            // Kept for its whole span: a window manager may hand the focus back twice (dialog closed, then owner).
            // But a user who left after the quiet return began, and stayed away, comes back as a user does.
            Object mark = window.getProperties().get(QUIET_RETURN);
            boolean quiet = mark instanceof QuietReturn q && now - q.at() < q.span()
                    && !(leftAt[0] != 0 && leftAt[0] - q.at() > 0 && now - leftAt[0] >= AWAY_NS);
            LOG.log(System.Logger.Level.DEBUG, () -> "Focus back in " + describe(window) + ": owner "
                    + (scene == null ? "no scene" : scene.getFocusOwner()) + ", speaking "
                    + (scene != null && speaking(scene)) + ", focused before " + focusedBefore[0] + ", quiet " + quiet
                    + (mark instanceof QuietReturn q ? " (marked " + (now - q.at()) / 1_000_000 + " ms ago)" : "")
                    + (leftAt[0] != 0 ? ", away " + (now - leftAt[0]) / 1_000_000 + " ms" : "")
                    + ", closed " + closed);
            if (scene != null && scene.getFocusOwner() != null && speaking(scene)
                    && scene.getProperties().get(this) instanceof FocusFollower follower) {
                if (!focusedBefore[0]) {
                    // The focus moved inside before the window had the keyboard: say it now, once.
                    follower.firstFocus(scene.getFocusOwner());
                } else if (!quiet) {
                    String mode = window.getProperties().get(MODE) instanceof Supplier<?> m
                            ? String.valueOf(m.get()) : "";
                    String where = mode.isEmpty() ? announcement(scene.getFocusOwner()) : mode;
                    // Coming back from another program: which window first ("Sightline. Question, edit text").
                    speech.speak(window instanceof Stage stage && stage.getOwner() == null && stage.getTitle() != null
                            && !stage.getTitle().isBlank() ? stage.getTitle() + ". " + where : titled(window, where),
                            Priority.NOW);
                }
            }
            focusedBefore[0] = true;
        });
        // A dialog that closes says so and where the focus is back, after what it said last (its own goodbye).
        if (window instanceof Stage stage) {
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                Window owner = stage.getOwner();
                if (owner == null || owner.getScene() == null || closed || !enabled.getAsBoolean()
                        || stage.getTitle() == null || stage.getTitle().isBlank()) {
                    return;
                }
                owner.getProperties().put(QUIET_RETURN, new QuietReturn(System.nanoTime(), DIALOG_RETURN_NS));
                Node back = owner.getScene().getFocusOwner();
                String closedText = AppText.get("focus.dialogClosed", stage.getTitle());
                speech.speak(back == null ? closedText : closedText + " " + announcement(back), Priority.NEXT);
            });
        }
    }

    private void attach(Scene scene) {
        if (scene.getProperties().containsKey(this)) {
            return;
        }
        FocusFollower follower = new FocusFollower(scene);
        scene.getProperties().put(this, follower);
        scene.focusOwnerProperty().addListener(follower);
    }

    /**
     * What a user coming back to {@code window} hears instead of the focused control while the window is in a mode
     * of its own (browse mode: "Browse mode, 30 elements, on Sign in, link"); the supplier returns an empty string
     * when there is none. Called on the JavaFX thread.
     */
    public static void sayModeOnReturn(Window window, Supplier<String> mode) {
        window.getProperties().put(MODE, mode);
    }

    /**
     * The focus is about to come back to {@code window} because Sightline itself brings it back (after stepping
     * aside for a capture), not because the user came back: the next focus within two seconds is not announced.
     */
    public static void returnQuietly(Window window) {
        window.getProperties().put(QUIET_RETURN, new QuietReturn(System.nanoTime(), COME_BACK_NS));
    }

    /** When a quiet return was marked ({@link System#nanoTime()}) and for how long it holds. */
    private record QuietReturn(long at, long span) {
    }

    private boolean speaking(Scene scene) {
        return !closed && enabled.getAsBoolean() && scene.getWindow() != null && scene.getWindow().isShowing()
                && scene.getWindow().isFocused()
                && (scene.getRoot() == null || !scene.getRoot().getProperties().containsKey(SPEAKS_ITSELF));
    }

    private static String describe(Window window) {
        return window instanceof Stage stage && stage.getTitle() != null ? "\"" + stage.getTitle() + "\"" : "a window";
    }

    /** "Models, dialog. Models, list, ..." for a window other than the main one, else the text alone. */
    private static String titled(Window window, String text) {
        if (window instanceof Stage stage && stage.getOwner() != null && stage.getTitle() != null
                && !stage.getTitle().isBlank()) {
            return AppText.get("focus.inDialog", stage.getTitle(), text);
        }
        return text;
    }

    /** Speaks each new focus owner, and follows the value of the one that has the focus while it keeps it. */
    private final class FocusFollower implements ChangeListener<Node> {
        private final Scene scene;
        private boolean spokeBefore;
        private Runnable unfollow = () -> { };

        FocusFollower(Scene scene) {
            this.scene = scene;
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Node> obs, Node old, Node now) {
            unfollow.run();
            unfollow = () -> { };
            if (now == null) {
                return;
            }
            if (speaking(scene)) {
                if (spokeBefore) {
                    speech.speak(announcement(now), Priority.NOW);
                } else {
                    firstFocus(now);
                }
            }
            unfollow = follow(now);
        }

        /** The first focus in a window; in a dialog it also says which dialog opened. */
        void firstFocus(Node node) {
            if (!spokeBefore) {
                spokeBefore = true;
                speech.speak(titled(scene.getWindow(), announcement(node)), Priority.NOW);
            }
        }

        private Runnable follow(Node node) {
            if (node instanceof ListView<?> list) {
                // A view that refreshes its rows puts the selection back: that is not a move, and speaking it
                // would cut off what the view says about the change.
                boolean[] refreshing = {false};
                InvalidationListener refreshed = o -> {
                    refreshing[0] = true;
                    Platform.runLater(() -> refreshing[0] = false);
                };
                ChangeListener<Number> moved = (o, was, index) -> {
                    if (index.intValue() >= 0 && !refreshing[0] && speaking(scene)) {
                        speech.speak(itemAt(list, index.intValue()), Priority.NOW);
                    }
                };
                list.getItems().addListener(refreshed);
                list.getSelectionModel().selectedIndexProperty().addListener(moved);
                return () -> {
                    list.getItems().removeListener(refreshed);
                    list.getSelectionModel().selectedIndexProperty().removeListener(moved);
                };
            }
            if (node instanceof TextInputControl input && input.isEditable() && !(node instanceof PasswordField)) {
                // Echo of each typed character, as a screen reader gives it (nothing else speaks JavaFX fields
                // on Linux). Keys a window takes for itself (browse mode) never reach the field and are not echoed.
                EventHandler<KeyEvent> echo = e -> {
                    String c = e.getCharacter();
                    // A chord (Ctrl+Shift+W) types nothing into the field, though a typed event carries its letter.
                    boolean chord = e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown();
                    if (!chord && !c.isEmpty() && !Character.isISOControl(c.codePointAt(0)) && speaking(scene)) {
                        speech.speak(c.isBlank() ? AppText.get("key.space") : c, Priority.NOW);
                    }
                };
                input.addEventHandler(KeyEvent.KEY_TYPED, echo);
                return () -> input.removeEventHandler(KeyEvent.KEY_TYPED, echo);
            }
            if (node instanceof Spinner<?> spinner) {
                ChangeListener<Object> changed = (o, was, value) -> {
                    if (value != null && speaking(scene)) {
                        speech.speak(String.valueOf(value), Priority.NOW);
                    }
                };
                spinner.valueProperty().addListener(changed);
                return () -> spinner.valueProperty().removeListener(changed);
            }
            return () -> { };
        }
    }

    /** "Demo VLM, installed, 2 MB, 2 of 5": the item as the list shows it and where it is in the list. */
    private static String itemAt(ListView<?> list, int index) {
        return AppText.get("state.position", String.valueOf(list.getItems().get(index)), index + 1,
                list.getItems().size());
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
        } else if (node instanceof ListView<?> list) {
            int index = list.getSelectionModel().getSelectedIndex();
            sb.append(", ").append(list.getItems().isEmpty() ? AppText.get("state.empty")
                    : index < 0 ? AppText.get("state.noneSelected", list.getItems().size()) : itemAt(list, index));
        } else if (node instanceof Spinner<?> spinner && spinner.getValue() != null) {
            sb.append(", ").append(spinner.getValue());
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
