package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;
import org.sightline.vision.regions.RegionKind;

/**
 * Cuts a detected line that runs from one region of the page into the region beside it, before it is recognised:
 * a sidebar's long entry that the detector joined with the content's words beside it ("parse_cache_control_header
 * Werkzeug.http.parse_date(value)"), which would otherwise be read as one line of one region. The cut is at the
 * regions' shared side, or in a gap free of ink near it. A line is cut only where what lies on each side is more
 * than the tail of a word run over the side (see {@link #cutAt}): a sidebar's entry that overflows into the empty
 * margin of the content stays whole.
 */
final class RegionCuts {

    /** Each piece of a line cut without a gap at the side is at least this many line heights wide. */
    private static final double LONG_PIECE = 4;
    /** Each piece of a line cut at a gap is at least this many line heights wide. */
    private static final double SHORT_PIECE = 1.5;
    /** Pieces with no gap between them are cut apart when one's letters are this many times as tall... */
    private static final double SIZES_APART = 1.35;
    /** ...or when the tops of their letters are this many line heights apart. */
    private static final double TOPS_APART = 0.2;
    /** A gap at the side, to cut a shorter piece off, is at least this many line heights wide. */
    private static final double GAP = 0.4;
    /** Ink differs from the line's background by more than this much in grey level. */
    private static final int INK = 60;

    private RegionCuts() {
    }

    /**
     * {@code quads} with each upright one that runs across the side shared by two regions beside each other cut in
     * two where {@link #cutAt} says; the others as they are, in order.
     */
    static List<Quad> cut(List<Quad> quads, PageRegions regions, BufferedImage page) {
        if (regions.size() < 2) {
            return quads;
        }
        List<Quad> out = new ArrayList<>(quads.size());
        for (Quad q : quads) {
            Rectangle b = q.bounds(page.getWidth(), page.getHeight());
            int side = q.isAxisAligned() && !b.isEmpty() ? sideCrossed(b, regions) : -1;
            int at = side < 0 ? -1 : cutAt(b, side, page);
            if (at < 0) {
                out.add(q);
                continue;
            }
            out.add(Quad.ofRectangle(b.x, b.y, at - b.x, b.height, q.score()));
            out.add(Quad.ofRectangle(at, b.y, b.x + b.width - at, b.height, q.score()));
        }
        return out;
    }

    /**
     * The x of the side that {@code b} crosses between the region holding its left end and another holding its
     * right end, the first ending where the second begins, one of them a navigation pane; -1 when its ends lie
     * in one region, or between two columns of text (a heading across a document's two columns is one line).
     */
    private static int sideCrossed(Rectangle b, PageRegions regions) {
        double y = b.getCenterY();
        double inset = Math.min(b.height / 2.0, b.width / 4.0);
        Region left = regions.at(b.x + inset, y);
        Region right = regions.at(b.x + b.width - inset, y);
        if (left.index() == right.index() || !left.contains(b.x + inset, y)
                || !right.contains(b.x + b.width - inset, y)
                || left.kind() != RegionKind.NAVIGATION && right.kind() != RegionKind.NAVIGATION) {
            return -1;
        }
        int side = left.box().x + left.box().width;
        return Math.abs(side - right.box().x) <= 1 && side > b.x && side < b.x + b.width ? side : -1;
    }

    /**
     * Where to cut {@code b}, which crosses the regions' shared side at {@code side}: in the middle of the widest
     * gap free of ink near the side (from a line height left of it to two right of it, where a sidebar's entry
     * runs over), when that gap is {@link #GAP} line heights wide and leaves {@link #SHORT_PIECE} on each side;
     * else at the side itself when both pieces are {@link #LONG_PIECE} wide and their letters stand on other rows
     * or differ in size ({@link #TOPS_APART}, {@link #SIZES_APART}); else -1, not cut.
     */
    private static int cutAt(Rectangle b, int side, BufferedImage page) {
        double h = b.height;
        int background = commonGrey(b, page);
        int[] gap = widestGap(b, side - (int) h, side + (int) (2 * h), background, page);
        if (gap[1] - gap[0] >= GAP * h) {
            int middle = (gap[0] + gap[1]) / 2;
            if (Math.min(middle - b.x, b.x + b.width - middle) >= SHORT_PIECE * h) {
                return middle;
            }
        }
        if (Math.min(side - b.x, b.x + b.width - side) < LONG_PIECE * h) {
            return -1;
        }
        // No gap: the pieces touch, or their letters overlap. Two lines only when their letters stand on other
        // rows (tops apart) or are of clearly different sizes (a sidebar's small entry against the content's
        // heading); one line in one size that runs over the side is a long entry, whole.
        int[] left = inkRows(b, b.x, side, background, page);
        int[] right = inkRows(b, side, b.x + b.width, background, page);
        if (left[0] < 0 || right[0] < 0) {
            return -1;
        }
        int leftHeight = left[1] - left[0] + 1;
        int rightHeight = right[1] - right[0] + 1;
        boolean apart = Math.abs(left[0] - right[0]) >= TOPS_APART * h
                || Math.max(leftHeight, rightHeight) >= SIZES_APART * Math.min(leftHeight, rightHeight);
        return apart ? side : -1;
    }

    /**
     * The first and last rows with ink (against the grey level {@code background}) in columns {@code from} to
     * {@code to} (exclusive) of {@code b}; {-1, -1} when there is none.
     */
    private static int[] inkRows(Rectangle b, int from, int to, int background, BufferedImage page) {
        int top = -1;
        int bottom = -1;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = from; x < to; x++) {
                if (Math.abs(grey(page.getRGB(x, y)) - background) > INK) {
                    top = top < 0 ? y : top;
                    bottom = y;
                    break;
                }
            }
        }
        return new int[] {top, bottom};
    }

    /**
     * The widest run of columns of {@code b} free of ink (against the grey level {@code background}), as {from, to}
     * (to exclusive, in image x), among those that reach into columns {@code from} to {@code to}; {0, 0} when
     * there is none.
     */
    private static int[] widestGap(Rectangle b, int from, int to, int background, BufferedImage page) {
        boolean[] ink = new boolean[b.width];
        for (int x = 0; x < b.width; x++) {
            for (int y = b.y; y < b.y + b.height && !ink[x]; y++) {
                ink[x] = Math.abs(grey(page.getRGB(b.x + x, y)) - background) > INK;
            }
        }
        int[] best = {0, 0};
        int x = 0;
        while (x < b.width) {
            if (ink[x]) {
                x++;
                continue;
            }
            int start = x;
            while (x < b.width && !ink[x]) {
                x++;
            }
            boolean reaches = b.x + start < to && b.x + x > from;
            if (reaches && start > 0 && x < b.width && x - start > best[1] - best[0]) {
                best = new int[] {b.x + start, b.x + x};
            }
        }
        return best;
    }

    /** The most frequent grey level along the top and bottom rows of {@code b}: the line's background. */
    private static int commonGrey(Rectangle b, BufferedImage page) {
        int[] counts = new int[256];
        for (int x = b.x; x < b.x + b.width; x++) {
            counts[grey(page.getRGB(x, b.y))]++;
            counts[grey(page.getRGB(x, b.y + b.height - 1))]++;
        }
        int best = 0;
        for (int g = 1; g < 256; g++) {
            if (counts[g] > counts[best]) {
                best = g;
            }
        }
        return best;
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }
}
