package org.sightline.app.document;

import org.sightline.i18n.Messages;

/** The document mode's sentences, from {@code org/sightline/app/document/document*.properties}. */
final class DocumentText {

    static final Messages MESSAGES = new Messages("org.sightline.app.document.document");

    private DocumentText() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
