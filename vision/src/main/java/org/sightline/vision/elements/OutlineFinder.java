package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the outlines of boxes and circles: pixels where the colour changes sharply form an edge map; each
 * connected piece of it whose pixels run along all four sides of its bounding box (and leave the inside
 * empty) is a box, one that runs along a circle is a circle. Text glyphs are pieces too, but small and not
 * box-shaped, except letters like O and D, which the caller sorts out by their place in a text line.
 * Edge pixels of box outlines and of long straight rules are also marked in {@link #structure()}, so the
 * search for pictures does not take a frame or a separator for texture.
 */
final class OutlineFinder {

    /** A channel difference above this between neighbours is an edge (light grey borders on white pass). */
    static final int EDGE_THRESHOLD = 22;

    private final Pixels pixels;
    private final boolean[] edge;
    /** The edges before closing breaks: thin, so that rings keep their shape for the circle test. */
    private final boolean[] rawEdge;
    private final int[] label;
    private final boolean[] structure;

    OutlineFinder(Pixels pixels) {
        this.pixels = pixels;
        int w = pixels.width;
        int h = pixels.height;
        edge = new boolean[w * h];
        label = new int[w * h];
        structure = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = pixels.at(x, y);
                boolean e = x + 1 < w && Pixels.distance(c, pixels.at(x + 1, y)) > EDGE_THRESHOLD
                        || y + 1 < h && Pixels.distance(c, pixels.at(x, y + 1)) > EDGE_THRESHOLD;
                edge[y * w + x] = e;
            }
        }
        // Close one-pixel breaks (the anti-aliased corners of a light rounded border): a pixel between two
        // edge pixels on opposite sides joins them. Unlike growing every edge, this does not fuse a radio
        // button with the letter just beside it.
        boolean[] grown = edge.clone();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int p = y * w + x;
                if (!edge[p] && (edge[p - 1] && edge[p + 1] || edge[p - w] && edge[p + w]
                        || edge[p - w - 1] && edge[p + w + 1] || edge[p - w + 1] && edge[p + w - 1])) {
                    grown[p] = true;
                }
            }
        }
        rawEdge = edge.clone();
        System.arraycopy(grown, 0, edge, 0, edge.length);
    }

    boolean[] structure() {
        return structure;
    }

    boolean[] edges() {
        return edge;
    }

    List<Outline> find() {
        int w = pixels.width;
        int h = pixels.height;
        List<Outline> found = new ArrayList<>();
        ConnectedRegions.forEach(edge, w, h, label, region -> {
            int[] queue = region.cells();
            int tail = region.size();
            Rectangle box = region.bounds();
            if (box.width >= 40 && box.height <= 3 || box.height >= 40 && box.width <= 3) {
                markStructure(queue, tail);
                return;
            }
            if (box.width < 9 || box.height < 9) {
                return;
            }
            Outline outline = classify(region.id(), box, tail);
            if (outline != null) {
                found.add(outline);
                markStructure(queue, tail);
            }
        });
        return found;
    }

    private void markStructure(int[] queue, int tail) {
        for (int i = 0; i < tail; i++) {
            structure[queue[i]] = true;
        }
    }

    private boolean has(int id, int x, int y) {
        return label[y * pixels.width + x] == id;
    }

    private boolean hasRaw(int id, int x, int y) {
        int i = y * pixels.width + x;
        return label[i] == id && rawEdge[i];
    }

    private Outline classify(int id, Rectangle b, int count) {
        int band = Math.max(2, Math.min(4, Math.min(b.width, b.height) / 5));
        double top = sideCoverage(id, b, band, true, false);
        double bottom = sideCoverage(id, b, band, true, true);
        double left = sideCoverage(id, b, band, false, false);
        double right = sideCoverage(id, b, band, false, true);
        int inner = 0;
        int innerArea = 0;
        for (int y = b.y + band + 1; y < b.y + b.height - band - 1; y++) {
            for (int x = b.x + band + 1; x < b.x + b.width - band - 1; x++) {
                innerArea++;
                if (hasRaw(id, x, y)) {
                    inner++;
                }
            }
        }
        double innerDensity = innerArea == 0 ? 1 : (double) inner / innerArea;
        boolean squarish = Math.abs(b.width - b.height) <= Math.max(2, 0.2 * Math.max(b.width, b.height));
        if (squarish && b.width <= 60 && isCircle(id, b)) {
            return new Outline(b, true, filled(b));
        }
        boolean sides = top >= 0.72 && bottom >= 0.72 && left >= 0.45 && right >= 0.45;
        // A small ticked checkbox has its tick inside; a large box must be empty inside.
        boolean small = squarish && b.width <= 26 && Math.min(Math.min(top, bottom), Math.min(left, right)) >= 0.8;
        if (sides && (innerDensity < 0.12 || small && innerDensity < 0.6)) {
            return new Outline(b, false, filled(b));
        }
        return null;
    }

    /** Fraction of the positions along one side that have a pixel of the piece within {@code band} of it. */
    private double sideCoverage(int id, Rectangle b, int band, boolean horizontal, boolean far) {
        int covered = 0;
        int length = horizontal ? b.width : b.height;
        for (int i = 0; i < length; i++) {
            boolean hit = false;
            for (int d = 0; d < band && !hit; d++) {
                int x;
                int y;
                if (horizontal) {
                    x = b.x + i;
                    y = far ? b.y + b.height - 1 - d : b.y + d;
                } else {
                    y = b.y + i;
                    x = far ? b.x + b.width - 1 - d : b.x + d;
                }
                hit = has(id, x, y);
            }
            if (hit) {
                covered++;
            }
        }
        return (double) covered / length;
    }

    /** True when the piece's pixels lie on a ring around the box centre and reach round all of it. */
    private boolean isCircle(int id, Rectangle b) {
        double cx = b.x + (b.width - 1) / 2.0;
        double cy = b.y + (b.height - 1) / 2.0;
        double r = (Math.min(b.width, b.height) - 1) / 2.0;
        int onRing = 0;
        int total = 0;
        boolean[] sectors = new boolean[16];
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if (!hasRaw(id, x, y)) {
                    continue;
                }
                double d = Math.hypot(x - cx, y - cy);
                if (d <= 0.55 * r) {
                    continue; // the dot of a selected radio button
                }
                total++;
                if (Math.abs(d - r) <= Math.max(2.0, r * 0.3)) {
                    onRing++;
                    double angle = Math.atan2(y - cy, x - cx) + Math.PI;
                    sectors[Math.min(15, (int) (angle / (2 * Math.PI) * 16))] = true;
                }
            }
        }
        int reached = 0;
        for (boolean s : sectors) {
            if (s) {
                reached++;
            }
        }
        // The corners of the bounding box stay empty on a circle, unlike on a square.
        int corner = Math.max(1, (int) Math.round(r * 0.25));
        boolean cornersEmpty = !anyIn(id, b.x, b.y, corner) && !anyIn(id, b.x + b.width - corner, b.y, corner)
                && !anyIn(id, b.x, b.y + b.height - corner, corner)
                && !anyIn(id, b.x + b.width - corner, b.y + b.height - corner, corner);
        return total > 0 && onRing >= 0.8 * total && reached >= 15 && cornersEmpty;
    }

    private boolean anyIn(int id, int x0, int y0, int size) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                if (hasRaw(id, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the inside of the outline has another colour than just outside it. */
    private boolean filled(Rectangle b) {
        int inside = pixels.dominantColour(new Rectangle(b.x + b.width / 4, b.y + b.height / 4,
                Math.max(1, b.width / 2), Math.max(1, b.height / 2)));
        Rectangle ring = new Rectangle(b.x - 3, b.y - 3, b.width + 6, 2);
        int outside = pixels.dominantColour(ring);
        return Pixels.distance(inside, outside) > EDGE_THRESHOLD;
    }
}
