package org.sightline.vision.capture;

import org.sightline.i18n.Messages;

/** The capture package's translated sentences, in one bundle. */
final class CaptureText {

    static final Messages MESSAGES = new Messages("org.sightline.vision.capture.messages");

    private CaptureText() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
