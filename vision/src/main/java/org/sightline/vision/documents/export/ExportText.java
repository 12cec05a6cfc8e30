package org.sightline.vision.documents.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.i18n.Messages;

/** What the writers share: their messages, writing without checked exceptions, and list markers. */
final class ExportText {

    static final Messages MESSAGES = new Messages("org.sightline.vision.documents.export.messages");

    private static final Pattern BULLET = Pattern.compile(
            "^[\u2022\u25e6\u25aa\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2013\u2014*\u00b7-]\\s+");
    private static final Pattern NUMBER = Pattern.compile("^\\(?(\\d{1,3}|[a-zA-Z])[.)]\\s+");

    private ExportText() {
    }

    static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a list item is numbered ("1.", "a)") rather than bulleted. */
    static boolean isNumbered(String item) {
        return NUMBER.matcher(item).find();
    }

    /** The item's text without its bullet or number, which the exported list shows itself. */
    static String withoutMarker(String item) {
        Matcher bullet = BULLET.matcher(item);
        if (bullet.find()) {
            return item.substring(bullet.end());
        }
        Matcher number = NUMBER.matcher(item);
        return number.find() ? item.substring(number.end()) : item;
    }
}
