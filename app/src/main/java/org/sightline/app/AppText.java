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
}
