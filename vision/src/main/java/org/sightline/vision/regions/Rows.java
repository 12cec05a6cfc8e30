package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.util.List;

/**
 * Whether lines of text stand on one row, the measure both table judgements use: the reading order's (columns
 * whose lines line up are read row by row) and the gutters' (a white strip between lists whose rows line up is no
 * cut between panes). Each keeps its own shares; the row is the same for both.
 */
public final class Rows {

    /** Centres this close, in the lower line's heights, share a row. */
    private static final double CENTRES = 0.25;
    /** Lines overlapping by this much of the lower one's height stand side by side. */
    private static final double OVERLAP = 0.5;

    private Rows() {
    }

    /**
     * Whether two lines sit on one row: their centres within a quarter of the lower one's height. A dense column
     * of small lines overlaps nearly every line beside it; it rarely shares their centres.
     */
    public static boolean centred(Rectangle a, Rectangle b) {
        return Math.abs(a.getCenterY() - b.getCenterY()) <= CENTRES * Math.min(a.height, b.height);
    }

    /** Whether two lines overlap across by at least half the lower one's height: a looser test than centres. */
    public static boolean overlapping(Rectangle a, Rectangle b) {
        int overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        return overlap >= OVERLAP * Math.min(a.height, b.height);
    }

    /** The share of {@code side}'s lines that have a line of {@code other} centred on their row; 0 for none. */
    public static double centredShare(List<Rectangle> side, List<Rectangle> other) {
        if (side.isEmpty()) {
            return 0;
        }
        long paired = side.stream().filter(a -> other.stream().anyMatch(b -> centred(a, b))).count();
        return paired / (double) side.size();
    }
}
