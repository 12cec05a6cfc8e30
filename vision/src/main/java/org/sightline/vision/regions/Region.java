package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * One region of a page: its kind, its box in image pixels and its {@code index} in the page's reading order
 * (0 for the region read first).
 */
public record Region(RegionKind kind, Rectangle box, int index) {

    public Region {
        Objects.requireNonNull(kind, "kind");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    /** Whether the point lies in this region. */
    public boolean contains(double x, double y) {
        return x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
    }

    /** How far the point is from this region (0 inside), in pixels along the larger axis. */
    double distanceTo(double x, double y) {
        double dx = Math.max(0, Math.max(box.x - x, x - (box.x + box.width)));
        double dy = Math.max(0, Math.max(box.y - y, y - (box.y + box.height)));
        return Math.max(dx, dy);
    }
}
