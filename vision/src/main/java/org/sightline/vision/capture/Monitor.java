package org.sightline.vision.capture;

import java.awt.Rectangle;

/**
 * One monitor: {@code bounds} in the coordinates a click needs, {@code scale} physical pixels per such unit
 * (2.0 at 200 percent), {@code index} as the user counts them from 0 in the order the system lists them.
 */
public record Monitor(int index, String id, Rectangle bounds, double scale, boolean primary) {
}
