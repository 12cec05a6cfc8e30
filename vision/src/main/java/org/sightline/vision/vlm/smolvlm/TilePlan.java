package org.sightline.vision.vlm.smolvlm;

/**
 * How an image is cut for the vision encoder: resized to {@code width} x {@code height} (multiples of the
 * tile size), split into {@code rows} x {@code cols} tiles read row by row, plus one global view of the
 * whole image last. {@code rows == cols == 0} means no splitting: only the global view.
 */
public record TilePlan(int width, int height, int rows, int cols) {

    /** At most this many tiles per side. */
    public static final int MAX_TILES_PER_SIDE = 4;

    /** The number of 512x512 images the vision encoder sees: the tiles and the global view. */
    public int imageCount() {
        return rows * cols + 1;
    }

    public boolean split() {
        return rows > 0;
    }

    /** The plan without splitting: one {@code tile} x {@code tile} view. */
    public static TilePlan single(int tile) {
        return new TilePlan(tile, tile, 0, 0);
    }

    /**
     * The Idefics3 plan: the longest edge becomes {@code longestEdge} (small images are scaled up, the other
     * side keeps the aspect ratio and is made even), then both sides are rounded up to multiples of
     * {@code tile}. Example: 1920x1080 -> 2048x1152 -> 2048x1536 -> 3 rows x 4 cols.
     */
    public static TilePlan of(int width, int height, int longestEdge, int tile) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image");
        }
        int[] size = scaledToLongestEdge(width, height, longestEdge);
        int w = size[0];
        int h = size[1];
        int cols = Math.min(MAX_TILES_PER_SIDE, (w + tile - 1) / tile);
        int rows = Math.min(MAX_TILES_PER_SIDE, (h + tile - 1) / tile);
        if (rows * tile <= tile && cols * tile <= tile) {
            return single(tile);
        }
        return new TilePlan(cols * tile, rows * tile, rows, cols);
    }

    /** The size with the longest edge set to {@code longestEdge}, the other side even, as Idefics3 does. */
    public static int[] scaledToLongestEdge(int width, int height, int longestEdge) {
        double aspect = (double) width / height;
        int w;
        int h;
        if (width >= height) {
            w = longestEdge;
            h = (int) (w / aspect);
            if (h % 2 != 0) {
                h++;
            }
        } else {
            h = longestEdge;
            w = (int) (h * aspect);
            if (w % 2 != 0) {
                w++;
            }
        }
        return new int[] {Math.max(1, w), Math.max(1, h)};
    }
}
