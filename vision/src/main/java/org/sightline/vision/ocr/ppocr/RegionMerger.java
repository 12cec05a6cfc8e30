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
                        rects.set(i, join(rects.get(i), rects.get(j)));
                        scores.set(i, Math.max(scores.get(i), scores.get(j)));
                        rects.remove(j);
                        scores.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        Rectangle page = new Rectangle(0, 0, width, height);
        for (int i = 0; i < rects.size(); i++) {
            Rectangle r = rects.get(i).intersection(page);
            out.add(Quad.ofRectangle(r.x, r.y, r.width, r.height, scores.get(i)));
        }
        return out;
    }

    /**
     * The union of two regions of one line. A short word's box was unclipped by its own small height, too little
     * for the taller line's letters: its outer end is given the margin the taller box has.
     */
    static Rectangle join(Rectangle a, Rectangle b) {
        Rectangle union = a.union(b);
        Rectangle tall = a.height >= b.height ? a : b;
        Rectangle shortOne = tall == a ? b : a;
        if (tall.height > 1.5 * shortOne.height) {
            int pad = (int) Math.round(0.2 * (tall.height - shortOne.height));
            if (shortOne.x + shortOne.width >= tall.x + tall.width) {
                union.width += pad;
            } else {
                union.x -= pad;
                union.width += pad;
            }
        }
        return union;
    }

    static boolean sameLineAndTouching(Rectangle a, Rectangle b) {
        int minH = Math.min(a.height, b.height);
        int maxH = Math.max(a.height, b.height);
        if (minH <= 0) {
            return false;
        }
        int vOverlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        int gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
        if (maxH > 1.5 * minH) {
            // A word of short letters ("in", "was") is detected only x-height tall beside a word with capitals
            // and ascenders; lying wholly within the taller word's band, one word space away, it is the same line.
            // Left apart, its small crop was read as nothing and the word was lost ("Sign in" read "Sign").
            return maxH <= 2.5 * minH && vOverlap >= 0.9 * minH && gap <= MAX_GAP * maxH;
        }
        if (vOverlap < 0.6 * minH) {
            return false;
        }
        return gap <= MAX_GAP * minH;
    }
}
