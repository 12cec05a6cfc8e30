package org.sightline.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;

/**
 * The regions of a page in the JSON that {@code read} and {@code elements} write: a {@code regions} list
 * ({@code index}, {@code kind}, {@code box}) in reading order, and on each line or element the {@code region}
 * index and {@code regionKind} it belongs to.
 */
public final class RegionsJson {

    private RegionsJson() {
    }

    static void list(ObjectNode root, PageRegions regions) {
        ArrayNode list = root.putArray("regions");
        for (Region r : regions.regions()) {
            ObjectNode node = list.addObject();
            node.put("index", r.index());
            node.put("kind", r.kind().jsonName());
            box(node, r.box());
        }
    }

    static void tag(ObjectNode node, Region region) {
        node.put("region", region.index());
        node.put("regionKind", region.kind().jsonName());
    }

    public static void box(ObjectNode node, Rectangle r) {
        ObjectNode box = node.putObject("box");
        box.put("x", r.x);
        box.put("y", r.y);
        box.put("width", r.width);
        box.put("height", r.height);
    }
}
