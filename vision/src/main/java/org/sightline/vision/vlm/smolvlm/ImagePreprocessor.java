package org.sightline.vision.vlm.smolvlm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.vision.image.GreyImages;

/**
 * Idefics3 image preprocessing: RGB (a transparent image composited on white, as the reference's
 * {@code convert_rgb} does), Lanczos resize to the longest edge, round up to whole tiles, cut into tiles row
 * by row, add the whole image resized to one tile as the global view, then scale to [0, 1] and normalise with
 * the model's mean and standard deviation, channel-first. Without splitting (fast mode) the reference still
 * resizes twice: to the longest edge, then to one tile.
 */
public final class ImagePreprocessor {

    private final SmolVlmConfig config;

    public ImagePreprocessor(SmolVlmConfig config) {
        this.config = config;
    }

    public TilePlan plan(int width, int height, boolean fast) {
        return plan(width, height, fast ? config.tileSize() : config.longestEdge());
    }

    /**
     * The plan when the image is resized to {@code longestEdge} before tiling: the model's own longest edge
     * for a full look, less for fewer tiles (the reference processor takes the same setting), one tile or less
     * for a single view.
     */
    public TilePlan plan(int width, int height, int longestEdge) {
        if (longestEdge <= config.tileSize() || !config.imageSplitting()) {
            return TilePlan.single(config.tileSize());
        }
        return TilePlan.of(width, height, Math.min(longestEdge, config.longestEdge()), config.tileSize());
    }

    public PixelBatch process(BufferedImage image, boolean fast) {
        return process(image, fast ? config.tileSize() : config.longestEdge());
    }

    /** The views of {@code image} resized to {@code longestEdge} (see {@link #plan(int, int, int)}). */
    public PixelBatch process(BufferedImage image, int longestEdge) {
        int w = image.getWidth();
        int h = image.getHeight();
        int tile = config.tileSize();
        TilePlan plan = plan(w, h, longestEdge);
        int edge = Math.min(longestEdge, config.longestEdge());
        float[][] rgb = planes(image);
        List<float[]> views = new ArrayList<>(plan.imageCount());
        if (plan.split()) {
            // Two steps as in the reference: longest edge first, then up to whole tiles.
            TilePlan sized = TilePlan.of(w, h, edge, tile);
            int[] mid = TilePlan.scaledToLongestEdge(w, h, edge);
            float[][] resized = new float[3][];
            for (int c = 0; c < 3; c++) {
                float[] step = LanczosResize.resize(rgb[c], w, h, mid[0], mid[1]);
                resized[c] = LanczosResize.resize(step, mid[0], mid[1], sized.width(), sized.height());
            }
            for (int r = 0; r < plan.rows(); r++) {
                for (int col = 0; col < plan.cols(); col++) {
                    views.add(normalise(crop(resized, sized.width(), col * tile, r * tile, tile)));
                }
            }
            float[][] global = new float[3][];
            for (int c = 0; c < 3; c++) {
                global[c] = LanczosResize.resize(resized[c], sized.width(), sized.height(), tile, tile);
            }
            views.add(normalise(global));
        } else {
            int[] mid = TilePlan.scaledToLongestEdge(w, h, config.longestEdge());
            float[][] global = new float[3][];
            for (int c = 0; c < 3; c++) {
                float[] step = LanczosResize.resize(rgb[c], w, h, mid[0], mid[1]);
                global[c] = LanczosResize.resize(step, mid[0], mid[1], tile, tile);
            }
            views.add(normalise(global));
        }
        return new PixelBatch(List.copyOf(views), plan, tile);
    }

    /**
     * The red, green and blue planes, 0-255; a pixel with alpha a is a times its colour plus (1 - a) white.
     * A grey image gives its stored values in all three planes, as the reference's conversion to RGB does
     * (see {@link GreyImages}).
     */
    static float[][] planes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = GreyImages.asStoredRgb(image).getRGB(0, 0, w, h, null, 0, w);
        float[][] out = new float[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float alpha = (p >>> 24) / 255f;
            float white = 255f * (1 - alpha);
            out[0][i] = ((p >> 16) & 0xff) * alpha + white;
            out[1][i] = ((p >> 8) & 0xff) * alpha + white;
            out[2][i] = (p & 0xff) * alpha + white;
        }
        return out;
    }

    private static float[][] crop(float[][] planes, int width, int x0, int y0, int size) {
        float[][] out = new float[3][size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(planes[c], (y0 + y) * width + x0, out[c], y * size, size);
            }
        }
        return out;
    }

    private float[] normalise(float[][] planes) {
        int n = planes[0].length;
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            float mean = (float) config.mean()[c];
            float std = (float) config.std()[c];
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (planes[c][i] / 255f - mean) / std;
            }
        }
        return out;
    }
}
