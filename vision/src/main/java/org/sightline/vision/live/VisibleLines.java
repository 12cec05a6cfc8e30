package org.sightline.vision.live;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sightline.vision.ocr.TextLine;

/**
 * The lines on the watched frame as last read. When only bands of the frame changed, the lines of those bands
 * are replaced and all others kept, so the whole frame is known without reading it again.
 */
final class VisibleLines {

    /** A line box this close to a band's edge counts as cut by it. */
    private static final int EDGE = 2;

    private final List<TextLine> lines = new ArrayList<>();

    /**
     * Puts the lines of {@code band}, read on its own, in place of the lines known there. A line that touches
     * the band's top or bottom edge (where the band does not end at the frame's edge) is cut by it: it lies
     * partly outside the band, did not change (changes lie a margin away from the edges), and is kept whole from
     * the earlier reading, while its cut copy is left out.
     */
    void replace(Rectangle band, List<TextLine> fresh, int frameHeight) {
        lines.removeIf(l -> mostlyInside(l.box(), band) && !cut(l.box(), band, frameHeight));
        for (TextLine l : fresh) {
            if (!cut(l.box(), band, frameHeight)) {
                lines.add(l);
            }
        }
        lines.sort(Comparator.comparingInt((TextLine l) -> l.box().y + l.box().height / 2)
                .thenComparingInt(l -> l.box().x));
    }

    private static boolean cut(Rectangle b, Rectangle band, int frameHeight) {
        int top = band.y;
        int bottom = band.y + band.height;
        return top > 0 && b.y <= top + EDGE || bottom < frameHeight && b.y + b.height >= bottom - EDGE;
    }

    void clear() {
        lines.clear();
    }

    /** Every line, top to bottom, left to right within a row. */
    List<TextLine> all() {
        return List.copyOf(lines);
    }

    private static boolean mostlyInside(Rectangle box, Rectangle band) {
        Rectangle in = box.intersection(band);
        return !in.isEmpty() && 2L * in.width * in.height >= (long) box.width * box.height;
    }

    /**
     * Full-width bands around the changed areas, widened by {@code margin} up and down so that a line only
     * partly inside a changed tile is read whole; overlapping bands are joined.
     */
    static List<Rectangle> bands(FrameChange change, int margin) {
        List<int[]> spans = new ArrayList<>();
        for (Rectangle r : change.areas()) {
            spans.add(new int[] {Math.max(0, r.y - margin), Math.min(change.height(), r.y + r.height + margin)});
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        List<Rectangle> out = new ArrayList<>();
        int[] open = null;
        for (int[] s : spans) {
            if (open != null && s[0] <= open[1]) {
                open[1] = Math.max(open[1], s[1]);
                continue;
            }
            if (open != null) {
                out.add(new Rectangle(0, open[0], change.width(), open[1] - open[0]));
            }
            open = s.clone();
        }
        if (open != null) {
            out.add(new Rectangle(0, open[0], change.width(), open[1] - open[0]));
        }
        return out;
    }
}
