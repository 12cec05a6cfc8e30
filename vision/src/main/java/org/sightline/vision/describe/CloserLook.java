package org.sightline.vision.describe;

import java.util.List;
import java.util.Locale;

/**
 * Requests for a closer look at the image just described ("look closer", "more detail", "仔细看"), in the app's
 * chat and on the command line alike. Such a request asks the same question again with a full look.
 */
public final class CloserLook {

    private static final List<String> PHRASES = List.of("look closer", "closer look", "look more closely",
            "more detail", "in detail", "zoom in", "仔细看", "看仔细", "更多细节", "看清楚");

    private CloserLook() {
    }

    /** Whether {@code question} asks for a closer look rather than about something new. */
    public static boolean isRequest(String question) {
        if (question == null) {
            return false;
        }
        String q = question.strip().toLowerCase(Locale.ROOT);
        return q.length() <= 40 && PHRASES.stream().anyMatch(q::contains);
    }
}
