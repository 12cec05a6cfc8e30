package org.sightline.vision.vlm.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads a text/event-stream: "data:" lines are joined until an empty line ends the event; comments
 * (lines starting with ":") and other fields are skipped. Stops when the handler returns false.
 */
final class ServerSentEvents {

    private ServerSentEvents() {
    }

    static void read(BufferedReader in, Predicate<String> onEventData) throws IOException {
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (hasData && !onEventData.test(data.toString())) {
                    return;
                }
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
        }
        if (hasData) {
            onEventData.test(data.toString());
        }
    }
}
