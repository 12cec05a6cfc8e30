package org.sightline.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.vision.live.LiveLine;

/**
 * A line a watch tells, in JSON: its text, its box in the watched area's pixels, when it was seen, and whether
 * it cuts off what is being said or updates a changing line. {@code sightline watch --json} prints it; the
 * service's {@code change} events carry the same fields.
 */
public final class LiveLineJson {

    private LiveLineJson() {
    }

    /** Puts the fields of {@code line} into {@code node} and returns it. */
    public static ObjectNode put(ObjectNode node, LiveLine line) {
        node.put("text", line.text());
        RegionsJson.box(node, line.box());
        node.put("time", line.seenAt().toString());
        node.put("interrupts", line.interrupts());
        node.put("update", line.update());
        return node;
    }
}
