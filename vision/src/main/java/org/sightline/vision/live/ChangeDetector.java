package org.sightline.vision.live;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where a frame differs from the previous one, tile by tile. Screen frames are compared exactly, a row
 * span at a time with {@link Arrays#mismatch}, which the JVM vectorises: a still 1280x800 screen costs well
 * under a millisecond, so watching costs almost nothing while nothing moves. Camera frames never repeat
 * exactly (sensor noise, video compression), so a camera detector samples every {@code stride}-th pixel and
 * counts a tile as changed only when enough samples moved by more than {@code tolerance} in some channel.
 */
public final class ChangeDetector {

    private final int tile;
    private final int tolerance;
    private final int stride;
    private final double minChangedSamples;

    private ChangeDetector(int tile, int tolerance, int stride, double minChangedSamples) {
        this.tile = tile;
        this.tolerance = tolerance;
        this.stride = stride;
        this.minChangedSamples = minChangedSamples;
    }

    /** Exact comparison in 32-pixel tiles: any pixel that differs marks its tile. */
    public static ChangeDetector forScreen() {
        return new ChangeDetector(32, 0, 1, 0);
    }

    /**
     * For camera frames: 64-pixel tiles, every fourth pixel sampled, a tile changed when more than a tenth of its
     * samples moved by more than 24 levels.
     */
    public static ChangeDetector forCamera() {
        return new ChangeDetector(64, 24, 4, 0.1);
    }

    /** The tile edge in pixels. */
    public int tile() {
        return tile;
    }

    /** Where {@code current} differs from {@code previous}; the whole frame when there is no previous frame. */
    public FrameChange compare(BufferedImage previous, BufferedImage current) {
        int w = current.getWidth();
        int h = current.getHeight();
        if (previous == null || previous.getWidth() != w || previous.getHeight() != h) {
            return FrameChange.whole(w, h);
        }
        int[] a = pixels(previous);
        int[] b = pixels(current);
        int cols = (w + tile - 1) / tile;
        int rows = (h + tile - 1) / tile;
        boolean[] changed = new boolean[cols * rows];
        for (int ty = 0; ty < rows; ty++) {
            for (int tx = 0; tx < cols; tx++) {
                int x0 = tx * tile;
                int y0 = ty * tile;
                int x1 = Math.min(w, x0 + tile);
                int y1 = Math.min(h, y0 + tile);
                changed[ty * cols + tx] = tolerance == 0 ? differsExactly(a, b, w, x0, y0, x1, y1)
                        : differsBeyondNoise(a, b, w, x0, y0, x1, y1);
            }
        }
        return new FrameChange(groups(changed, cols, rows, w, h), w, h);
    }

    private static boolean differsExactly(int[] a, int[] b, int w, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            int from = y * w + x0;
            int to = y * w + x1;
            if (Arrays.mismatch(a, from, to, b, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean differsBeyondNoise(int[] a, int[] b, int w, int x0, int y0, int x1, int y1) {
        int samples = 0;
        int moved = 0;
        for (int y = y0; y < y1; y += stride) {
            for (int x = x0; x < x1; x += stride) {
                int p = a[y * w + x];
                int q = b[y * w + x];
                samples++;
                if (Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)) > tolerance
                        || Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff)) > tolerance
                        || Math.abs((p & 0xff) - (q & 0xff)) > tolerance) {
                    moved++;
                }
            }
        }
        return moved > samples * minChangedSamples;
    }

    /** Groups touching changed tiles (including diagonally) and returns each group's bounds in pixels. */
    private List<Rectangle> groups(boolean[] changed, int cols, int rows, int w, int h) {
        List<Rectangle> out = new ArrayList<>();
        boolean[] seen = new boolean[changed.length];
        int[] stack = new int[changed.length];
        for (int start = 0; start < changed.length; start++) {
            if (!changed[start] || seen[start]) {
                continue;
            }
            int minX = cols;
            int minY = rows;
            int maxX = -1;
            int maxY = -1;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int i = stack[--top];
                int tx = i % cols;
                int ty = i / cols;
                minX = Math.min(minX, tx);
                maxX = Math.max(maxX, tx);
                minY = Math.min(minY, ty);
                maxY = Math.max(maxY, ty);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = tx + dx;
                        int ny = ty + dy;
                        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows) {
                            int n = ny * cols + nx;
                            if (changed[n] && !seen[n]) {
                                seen[n] = true;
                                stack[top++] = n;
                            }
                        }
                    }
                }
            }
            int x = minX * tile;
            int y = minY * tile;
            out.add(new Rectangle(x, y, Math.min(w, (maxX + 1) * tile) - x, Math.min(h, (maxY + 1) * tile) - y));
        }
        return out;
    }

    /** The frame's pixels as packed RGB, without a copy when the image already holds them that way. */
    static int[] pixels(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && image.getRaster().getParent() == null
                && ints.getData().length == image.getWidth() * image.getHeight()) {
            int[] data = ints.getData();
            if (type == BufferedImage.TYPE_INT_RGB) {
                return data;
            }
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
