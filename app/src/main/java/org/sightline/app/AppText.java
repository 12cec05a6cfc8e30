package org.sightline.app;

import org.sightline.i18n.Messages;

/** The app's user-visible strings, from {@code org/sightline/app/messages*.properties}. */
public final class AppText {

    public static final String BUNDLE = "org.sightline.app.messages";

    private static final Messages MESSAGES = new Messages(BUNDLE);

    private AppText() {
    }

    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
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
