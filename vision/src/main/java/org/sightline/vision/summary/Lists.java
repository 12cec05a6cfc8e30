package org.sightline.vision.summary;

import java.util.List;
import org.sightline.i18n.Messages;

/** Joins words the way a sentence lists them ("a, b and c"; in Chinese "a、b和c"). */
final class Lists {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");

    private Lists() {
    }

    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String head = items.get(0);
        for (int i = 1; i < items.size() - 1; i++) {
            head = MESSAGES.get("list.comma", head, items.get(i));
        }
        return MESSAGES.get("list.and", head, items.get(items.size() - 1));
    }
}
