package org.sightline.vision.vlm.smolvlm;

import java.util.List;

/**
 * The vision encoder's input for one image: each view (tiles row by row, then the global view) as a
 * normalised CHW float array of {@code 3 * size * size} values.
 */
public record PixelBatch(List<float[]> views, TilePlan plan, int size) {
}
