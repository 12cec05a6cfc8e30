package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins upright regions that touch or overlap on the same line into one, before recognition: a word cut in
 * two by detection (at a tile edge, or across a wide letter gap) would otherwise be read as two overlapping
 * crops, with letters repeated. Regions a clear gap apart (columns, table cells) stay separate.
 */
final class RegionMerger {

    /** Regions closer than this share of their height are one. */
    private static final double MAX_GAP = 0.25;

    private RegionMerger() {
    }

    static List<Quad> merge(List<Quad> quads, int width, int height) {
        List<Quad> upright = new ArrayList<>();
        List<Quad> out = new ArrayList<>();
        for (Quad q : quads) {
            (q.isAxisAligned() ? upright : out).add(q);
        }
        List<Rectangle> rects = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (Quad q : upright) {
            rects.add(q.bounds(width, height));
            scores.add(q.score());
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    if (sameLineAndTouching(rects.get(i), rects.get(j))) {
                        rects.set(i, rects.get(i).union(rects.get(j)));
                        scores.set(i, Math.max(scores.get(i), scores.get(j)));
                        rects.remove(j);
                        scores.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        for (int i = 0; i < rects.size(); i++) {
            Rectangle r = rects.get(i);
            out.add(Quad.ofRectangle(r.x, r.y, r.width, r.height, scores.get(i)));
        }
        return out;
    }

    static boolean sameLineAndTouching(Rectangle a, Rectangle b) {
        int minH = Math.min(a.height, b.height);
        int maxH = Math.max(a.height, b.height);
        if (minH <= 0 || maxH > 1.5 * minH) {
            return false;
        }
        int vOverlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (vOverlap < 0.6 * minH) {
            return false;
        }
        int gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
        return gap <= MAX_GAP * minH;
    }
}
