package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.vision.image.ImageStats;

/**
 * Tells the user how to get a better picture before any model looks at it: blank, too dark, too blurry, text
 * cut off at an edge (with the way to move). Pure Java on a reduced copy of the image, so it runs on every
 * camera frame of the live mode.
 *
 * <p>Sharpness is the variance of the Laplacian of the grey image scaled to at most {@value #ANALYSIS_SIDE}
 * pixels on its long side: sharp edges give large second derivatives, blur flattens them. Screens are
 * never blurred, so only camera advice checks it.
 */
public final class FramingAdvisor {

    /** Long side of the copy the sharpness is measured on, so thresholds do not depend on the camera. */
    static final int ANALYSIS_SIDE = 800;

    /** Below this variance of the Laplacian a camera picture is too blurred to read. */
    public static final double DEFAULT_BLUR_THRESHOLD = 60;

    /** Text boxes within this fraction of the width or height from an edge count as cut off. */
    private static final double EDGE_FRACTION = 0.01;

    private final boolean forCamera;
    private final double blurThreshold;

    private FramingAdvisor(boolean forCamera, double blurThreshold) {
        this.forCamera = forCamera;
        this.blurThreshold = blurThreshold;
    }

    public static FramingAdvisor forScreen() {
        return new FramingAdvisor(false, DEFAULT_BLUR_THRESHOLD);
    }

    public static FramingAdvisor forCamera() {
        return new FramingAdvisor(true, DEFAULT_BLUR_THRESHOLD);
    }

    public FramingAdvisor withBlurThreshold(double threshold) {
        return new FramingAdvisor(forCamera, threshold);
    }

    public FramingAdvice advise(BufferedImage image) {
        return advise(image, List.of());
    }

    /**
     * Advice for {@code image}; {@code textBoxes} are where OCR found text, in image pixels (empty when
     * unknown), used to tell whether text runs off an edge.
     */
    public FramingAdvice advise(BufferedImage image, List<Rectangle> textBoxes) {
        ImageStats stats = ImageStats.of(image);
        List<FramingHint> hints = new ArrayList<>();
        if (stats.isBlank()) {
            hints.add(forCamera ? FramingHint.BLANK_CAMERA : FramingHint.BLANK_SCREEN);
            // Nothing else can be judged in a flat picture.
            return new FramingAdvice(hints, stats.meanLuminance(), 0);
        }
        if (forCamera && stats.isDark()) {
            hints.add(FramingHint.TOO_DARK);
        }
        double sharpness = forCamera ? sharpness(image) : Double.NaN;
        // Darkness also flattens edges; light comes first, then focus can be judged.
        if (forCamera && !stats.isDark() && sharpness < blurThreshold) {
            hints.add(FramingHint.TOO_BLURRY);
        }
        hints.addAll(cutOff(image.getWidth(), image.getHeight(), textBoxes));
        return new FramingAdvice(hints, stats.meanLuminance(), sharpness);
    }

    /**
     * Which edges text runs off. Text cut on the left means the page extends left of the picture: the page
     * must move right, or the camera left; the sentences say both.
     */
    static List<FramingHint> cutOff(int width, int height, List<Rectangle> boxes) {
        int marginX = Math.max(2, (int) Math.round(width * EDGE_FRACTION));
        int marginY = Math.max(2, (int) Math.round(height * EDGE_FRACTION));
        boolean left = false;
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        for (Rectangle b : boxes) {
            left |= b.x <= marginX;
            right |= b.x + b.width >= width - marginX;
            top |= b.y <= marginY;
            bottom |= b.y + b.height >= height - marginY;
        }
        List<FramingHint> hints = new ArrayList<>();
        if ((left && right) || (top && bottom)) {
            hints.add(FramingHint.TOO_CLOSE);
            return hints;
        }
        if (left) {
            hints.add(FramingHint.CUT_OFF_LEFT);
        }
        if (right) {
            hints.add(FramingHint.CUT_OFF_RIGHT);
        }
        if (top) {
            hints.add(FramingHint.CUT_OFF_TOP);
        }
        if (bottom) {
            hints.add(FramingHint.CUT_OFF_BOTTOM);
        }
        return hints;
    }

    /** Variance of the 4-neighbour Laplacian of the grey image, on a copy at most ANALYSIS_SIDE long. */
    public static double sharpness(BufferedImage image) {
        BufferedImage grey = reducedGrey(image);
        int w = grey.getWidth();
        int h = grey.getHeight();
        if (w < 3 || h < 3) {
            return 0;
        }
        int[] px = new int[w * h];
        var raster = grey.getRaster();
        raster.getSamples(0, 0, w, h, 0, px);
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                int lap = px[i - 1] + px[i + 1] + px[i - w] + px[i + w] - 4 * px[i];
                sum += lap;
                sumSq += (double) lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    private static BufferedImage reducedGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double f = Math.min(1.0, (double) ANALYSIS_SIDE / Math.max(w, h));
        int rw = Math.max(1, (int) Math.round(w * f));
        int rh = Math.max(1, (int) Math.round(h * f));
        BufferedImage grey = new BufferedImage(rw, rh, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, rw, rh, null);
        g.dispose();
        return grey;
    }
}
