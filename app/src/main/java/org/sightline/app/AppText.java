package org.sightline.app;

import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/** The app's user-visible strings, from {@code org/sightline/app/messages*.properties}. */
public final class AppText {

    public static final String BUNDLE = "org.sightline.app.messages";

    private static final Messages MESSAGES = new Messages(BUNDLE);
    private static final System.Logger LOG = System.getLogger(AppText.class.getName());

    private AppText() {
    }

    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }

    /**
     * What the user hears and sees when work fails: Sightline's own message for a failure it understood (a
     * missing file, a model not installed), ending as a sentence; for anything else, the internal-error sentence
     * with the detail, and the whole failure in the log. One mapping for the chat, setup and the model manager.
     */
    public static String userMessage(Throwable error) {
        if (error instanceof SightlineException se) {
            return sentence(se.getMessage());
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure", error);
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return get("error.internal", detail);
    }

    /**
     * {@code text} ending as a sentence: a message from elsewhere (an exception's, a server's) often has no full
     * stop, and a speech engine then runs it into the sentence after it without a pause.
     */
    public static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || ".!?…。！？".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return t;
        }
        return t + (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "。" : ".");
    }
}
