package org.sightline.vision.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;

/**
 * Grey images as the rest of the world reads them. Java treats a grey image (a grey PNG, a scan) as linear
 * light, so {@code getRGB} turns a stored 100 into 168 and every mid-grey comes out washed out; browsers,
 * image viewers and the reference image processors copy the stored value into red, green and blue. Sightline
 * does the same before anything looks at the pixels.
 */
public final class GreyImages {

    private GreyImages() {
    }

    /**
     * {@code image} itself unless it is grey (with or without alpha); then an RGB copy with the stored values in
     * all three channels, and its alpha kept.
     */
    public static BufferedImage asStoredRgb(BufferedImage image) {
        int bands = image.getRaster().getNumBands();
        if (bands > 2 || image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] grey = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
        int[] alpha = bands == 2 ? image.getRaster().getSamples(0, 0, w, h, 1, (int[]) null) : null;
        double greyScale = 255.0 / ((1 << image.getColorModel().getComponentSize(0)) - 1);
        double alphaScale = bands == 2 ? 255.0 / ((1 << image.getColorModel().getComponentSize(1)) - 1) : 0;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int v = (int) Math.round(grey[i] * greyScale);
            int a = alpha == null ? 255 : (int) Math.round(alpha[i] * alphaScale);
            argb[i] = (a << 24) | (v << 16) | (v << 8) | v;
        }
        BufferedImage out = new BufferedImage(w, h, alpha == null ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}
