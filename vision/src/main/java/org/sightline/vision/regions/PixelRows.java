package org.sightline.vision.regions;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Reads one row of an image as packed RGB without converting pixel by pixel through the colour model where the
 * image's own layout allows it (packed ints, 3-byte BGR as PNG screenshots load): region finding reads a few
 * thousand rows of every page, and the generic path costs most of its time.
 */
final class PixelRows {

    private final BufferedImage image;
    private final int width;
    private final int[] ints;
    private final byte[] bytes;

    PixelRows(BufferedImage image) {
        this.image = image;
        this.width = image.getWidth();
        int type = image.getType();
        boolean plainRaster = image.getRaster().getParent() == null
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0;
        ints = plainRaster && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
        bytes = plainRaster && type == BufferedImage.TYPE_3BYTE_BGR
                ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
    }

    /** Every {@code step}-th pixel of row {@code y}, from x = 0, into {@code out}, as 0xRRGGBB. */
    int[] sampled(int y, int step, int[] out) {
        for (int k = 0, x = 0; x < width; k++, x += step) {
            if (ints != null) {
                out[k] = ints[y * width + x] & 0xffffff;
            } else if (bytes != null) {
                int i = (y * width + x) * 3;
                out[k] = (bytes[i + 2] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i] & 0xff);
            } else {
                out[k] = image.getRGB(x, y) & 0xffffff;
            }
        }
        return out;
    }

    /** Row {@code y} into {@code out} (at least the image's width long), as 0xRRGGBB. */
    int[] row(int y, int[] out) {
        if (ints != null) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                out[x] = ints[offset + x] & 0xffffff;
            }
        } else if (bytes != null) {
            int offset = y * width * 3;
            for (int x = 0; x < width; x++) {
                int i = offset + 3 * x;
                out[x] = (bytes[i + 2] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i] & 0xff);
            }
        } else {
            image.getRGB(0, y, width, 1, out, 0, width);
        }
        return out;
    }
}
