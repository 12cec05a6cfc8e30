package org.sightline.vision.live;

import org.sightline.i18n.Messages;

/** Live mode's translated sentences, in one bundle. */
public final class LiveText {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.live.messages");

    private LiveText() {
    }

    /** The sentence for {@code key} in the user's language. */
    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
