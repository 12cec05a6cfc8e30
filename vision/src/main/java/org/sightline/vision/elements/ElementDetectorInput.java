package org.sightline.vision.elements;

/**
 * The element detector's input, computed as {@code vision/scripts/elements-detector/detector.py} computes it:
 * the page averaged over 2x2 pixel blocks (a last odd row or column dropped), each channel scaled to 0..1 and
 * centred on 0, in planes (RGB, rows, columns), padded with zeros at the right and bottom to a multiple of
 * {@link #STRIDE} so that every stride of the network divides it. Kept apart from the model so that it is tested
 * without one, against the Python script's numbers.
 */
final class ElementDetectorInput {

    /** Screenshot pixels per input pixel. */
    static final int DOWN = 2;
    /** The input's sides are a multiple of this (the network's deepest stride). */
    static final int STRIDE = 32;
    /** Screenshot pixels per output cell. */
    static final int CELL = 8;

    final float[] values;
    final int width;
    final int height;

    private ElementDetectorInput(float[] values, int width, int height) {
        this.values = values;
        this.width = width;
        this.height = height;
    }

    /** The input for rows {@code top} to {@code top + rows} of the page (whole blocks of 2x2 pixels). */
    static ElementDetectorInput of(Pixels pixels, int top, int rows) {
        int w = pixels.width / DOWN;
        int h = Math.min(rows, pixels.height - top) / DOWN;
        int pw = padded(w);
        int ph = padded(h);
        float[] v = new float[3 * ph * pw];
        int plane = ph * pw;
        for (int y = 0; y < h; y++) {
            int row0 = (top + y * DOWN) * pixels.width;
            int row1 = row0 + pixels.width;
            for (int x = 0; x < w; x++) {
                int a = pixels.rgb[row0 + x * DOWN];
                int b = pixels.rgb[row0 + x * DOWN + 1];
                int c = pixels.rgb[row1 + x * DOWN];
                int d = pixels.rgb[row1 + x * DOWN + 1];
                int at = y * pw + x;
                v[at] = channel(a, b, c, d, 16);
                v[plane + at] = channel(a, b, c, d, 8);
                v[2 * plane + at] = channel(a, b, c, d, 0);
            }
        }
        return new ElementDetectorInput(v, pw, ph);
    }

    private static float channel(int a, int b, int c, int d, int shift) {
        int sum = ((a >> shift) & 0xff) + ((b >> shift) & 0xff) + ((c >> shift) & 0xff) + ((d >> shift) & 0xff);
        return sum / 4f / 255f - 0.5f;
    }

    private static int padded(int side) {
        return Math.max(STRIDE, (side + STRIDE - 1) / STRIDE * STRIDE);
    }
}
