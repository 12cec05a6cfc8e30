package org.sightline.vision.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;

/** Reading the page corpus's truth (vision/scripts/corpus): where a recognised line lies among the DOM's runs. */
public final class CorpusTruth {

    private CorpusTruth() {
    }

    /** The DOM run (an index into {@code runs}) covering most of {@code box}, at least a third of it; or -1. */
    public static int runUnder(Rectangle box, JsonNode runs) {
        int best = -1;
        long bestArea = (long) box.width * box.height / 3;
        for (int r = 0; r < runs.size(); r++) {
            Rectangle overlap = box.intersection(boxOf(runs.get(r).get("box")));
            long area = overlap.isEmpty() ? 0 : (long) overlap.width * overlap.height;
            if (area > bestArea) {
                bestArea = area;
                best = r;
            }
        }
        return best;
    }

    /** A truth box ({@code x}, {@code y}, {@code width}, {@code height}) as a rectangle. */
    public static Rectangle boxOf(JsonNode b) {
        return new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(), b.get("height").asInt());
    }
}
