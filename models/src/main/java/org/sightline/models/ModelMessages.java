package org.sightline.models;

import org.sightline.i18n.Messages;

/** The model store's user-visible strings ({@code messages.properties} beside this class). */
public final class ModelMessages {

    private static final Messages MESSAGES = new Messages("org.sightline.models.messages");

    private ModelMessages() {
    }

    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }

    /** A byte count in the units people read: "4.7 MB". */
    public static String size(long bytes) {
        if (bytes < 0) {
            return get("size.unknown");
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1000.0;
        if (kb < 1000) {
            return String.format(java.util.Locale.ROOT, "%.0f kB", kb);
        }
        double mb = kb / 1000.0;
        if (mb < 1000) {
            return String.format(java.util.Locale.ROOT, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
        }
        return String.format(java.util.Locale.ROOT, "%.2f GB", mb / 1000.0);
    }
}
