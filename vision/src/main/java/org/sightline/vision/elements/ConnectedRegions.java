package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.function.Consumer;

/**
 * The 8-connected regions of a mask, found by breadth-first flood fill: outlines are regions of edge pixels,
 * pictures regions of busy cells. Each region is labelled with an id from 1 in {@code label}.
 */
final class ConnectedRegions {

    /**
     * One region: its id, bounds and size; {@code cells} holds its cell indices in its first {@code size}
     * entries, and is reused for the next region, so a visitor must not keep it.
     */
    record Region(int id, Rectangle bounds, int[] cells, int size) {
    }

    private ConnectedRegions() {
    }

    static void forEach(boolean[] mask, int width, int height, int[] label, Consumer<Region> visitor) {
        int[] queue = new int[mask.length];
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            int minX = width;
            int minY = height;
            int maxX = -1;
            int maxY = -1;
            while (head < tail) {
                int p = queue[head++];
                int px = p % width;
                int py = p / width;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= width) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (mask[q] && label[q] == 0) {
                            label[q] = next;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            visitor.accept(new Region(next, new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1), queue, tail));
        }
    }
}
