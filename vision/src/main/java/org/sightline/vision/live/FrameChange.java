package org.sightline.vision.live;

import java.awt.Rectangle;
import java.util.List;

/**
 * What differs between two frames: rectangles (in frame pixels) covering every changed tile, each a group of
 * touching tiles. No rectangles means nothing changed.
 */
public record FrameChange(List<Rectangle> areas, int width, int height) {

    public FrameChange {
        areas = areas.stream().map(Rectangle::new).toList();
    }

    /** The whole frame changed: the first frame, or one of another size. */
    public static FrameChange whole(int width, int height) {
        return new FrameChange(List.of(new Rectangle(0, 0, width, height)), width, height);
    }

    public boolean isNone() {
        return areas.isEmpty();
    }

    /** The share of the frame's area that changed, between 0 and 1. */
    public double changedFraction() {
        long sum = 0;
        for (Rectangle r : areas) {
            sum += (long) r.width * r.height;
        }
        return width * height == 0 ? 0 : Math.min(1.0, (double) sum / ((long) width * height));
    }
}
