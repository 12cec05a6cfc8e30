package org.sightline.vision.ocr.ppocr;

import java.awt.image.BufferedImage;

/** Packs image pixels into the planar BGR float layouts the PP-OCR models take. */
final class ImageTensors {

    private ImageTensors() {
    }

    /**
     * Writes {@code img} into {@code out} as BGR planes of a {@code [3, planeH, planeW]} tensor starting at
     * {@code offset}, each channel as {@code (v/255 - mean[c]) / std[c]}; the area right of and below the image
     * keeps whatever {@code out} held (zero: the mean colour after normalising).
     */
    static void putBgr(BufferedImage img, float[] out, int offset, int planeW, int planeH, float[] mean,
                       float[] std) {
        int w = Math.min(img.getWidth(), planeW);
        int h = Math.min(img.getHeight(), planeH);
        int plane = planeW * planeH;
        int[] row = new int[w];
        float sb = 1f / (255f * std[0]);
        float sg = 1f / (255f * std[1]);
        float sr = 1f / (255f * std[2]);
        float mb = mean[0] / std[0];
        float mg = mean[1] / std[1];
        float mr = mean[2] / std[2];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            int base = offset + y * planeW;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[base + x] = (p & 0xff) * sb - mb;
                out[base + plane + x] = ((p >> 8) & 0xff) * sg - mg;
                out[base + 2 * plane + x] = ((p >> 16) & 0xff) * sr - mr;
            }
        }
    }
}
