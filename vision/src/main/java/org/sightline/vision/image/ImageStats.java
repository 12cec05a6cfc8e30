package org.sightline.vision.image;

import java.awt.image.BufferedImage;

/**
 * Brightness statistics of an image, sampled on a grid so that a 16000x16000 capture costs the same as a
 * small one. A screen curtain or a lens cap gives a near-uniform image; Sightline reports that as blank
 * before any model runs, instead of letting a model invent a scene.
 */
public record ImageStats(double meanLuminance, double luminanceStdDev, int width, int height) {

    /** Below this spread of luminance (0-255 scale) an image holds nothing a person could read or see. */
    public static final double BLANK_STD_DEV = 2.5;

    private static final int MAX_SAMPLES_PER_SIDE = 512;

    public static ImageStats of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w == 0 || h == 0) {
            return new ImageStats(0, 0, w, h);
        }
        int stepX = Math.max(1, w / MAX_SAMPLES_PER_SIDE);
        int stepY = Math.max(1, h / MAX_SAMPLES_PER_SIDE);
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 0; y < h; y += stepY) {
            for (int x = 0; x < w; x += stepX) {
                int rgb = image.getRGB(x, y);
                double lum = luminance(rgb);
                sum += lum;
                sumSq += lum * lum;
                n++;
            }
        }
        double mean = sum / n;
        double variance = Math.max(0, sumSq / n - mean * mean);
        return new ImageStats(mean, Math.sqrt(variance), w, h);
    }

    /** Rec. 601 luma of a packed RGB pixel, 0-255. */
    public static double luminance(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    /** True when the image is (nearly) one flat colour: nothing to read or describe. */
    public boolean isBlank() {
        return width == 0 || height == 0 || luminanceStdDev < BLANK_STD_DEV;
    }

    /** True when the image is mostly very dark (mean below 40 of 255). */
    public boolean isDark() {
        return meanLuminance < 40;
    }
}
