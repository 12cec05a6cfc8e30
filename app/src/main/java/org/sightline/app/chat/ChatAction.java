package org.sightline.app.chat;

/**
 * Everything the main window can do, with its key. The key texts use JavaFX's KeyCombination syntax and are
 * also what help speaks, so the README, the help and the real bindings cannot drift apart.
 */
public enum ChatAction {
    DESCRIBE_SCREEN("Ctrl+Shift+D"),
    DESCRIBE_WINDOW("Ctrl+Shift+W"),
    DESCRIBE_REGION("Ctrl+Shift+R"),
    READ_TEXT("Ctrl+Shift+T"),
    BROWSE("Ctrl+Shift+B"),
    CAMERA("Ctrl+Shift+C"),
    OPEN_IMAGE("Ctrl+O"),
    PASTE_IMAGE("Ctrl+V"),
    STOP("Ctrl+Shift+S"),
    REPEAT("Ctrl+Shift+A"),
    COPY("Ctrl+Shift+Y"),
    HELP("F1"),
    /** Replays the first-run setup: voice, models and the tour of the keys. */
    SETUP("Shift+F1"),
    SETTINGS("Ctrl+Comma"),
    MODELS("Ctrl+M"),
    /** Enter in the question field; no key of its own. */
    ASK("Enter");

    private final String key;

    ChatAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The key as said and shown: "Ctrl+Comma" reads better as "Ctrl+,". */
    public String keyForPeople() {
        return key.replace("Comma", ",");
    }

    public String messageKey() {
        return "action." + name();
    }

    public String helpKey() {
        return "action." + name() + ".help";
    }
}
