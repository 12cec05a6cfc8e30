package org.sightline.vision.ocr.ppocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.sightline.task.CancellationToken;

/**
 * PP-OCR's DB text detector run over an image at (close to) its own resolution: tiles of at most
 * {@code tileSide} pixels, the probability maps of the tile cores stitched into one map of the page, which is
 * then post-processed as a whole so no text is cut or found twice at tile edges.
 */
final class TextDetector {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** Background kept around the drawn part of the image, so text at its edge has context. */
    private static final int CONTENT_MARGIN = 32;
    /** Rows repeating the one above this many times over hold no text and are not detected. */
    private static final int REPEATED_ROWS = 32;
    /** Repeated rows kept around each band that is detected, as context. */
    private static final int BAND_MARGIN = 32;

    private final OnnxModel model;
    private final DbPostprocessor postprocessor;
    private final TileSplitter tiles;
    private final int maxDetectionSide;

    TextDetector(OnnxModel model, DbPostprocessor postprocessor, int tileSide, int margin, int maxDetectionSide) {
        this.model = model;
        this.postprocessor = postprocessor;
        this.tiles = new TileSplitter(tileSide, margin);
        this.maxDetectionSide = maxDetectionSide;
    }

    /** Text regions in {@code image} pixel coordinates. */
    List<Quad> detect(BufferedImage image, CancellationToken cancel) {
        // Screens are mostly empty margins and background: detect only where something is drawn.
        long mark = StageTimes.start();
        Rectangle content = ContentBounds.of(image, CONTENT_MARGIN);
        StageTimes.add("det.bounds", mark);
        if (content.isEmpty()) {
            return List.of();
        }
        BufferedImage part = image.getSubimage(content.x, content.y, content.width, content.height);
        return detectWhole(part, cancel).stream().map(q -> q.translated(content.x, content.y)).toList();
    }

    private List<Quad> detectWhole(BufferedImage image, CancellationToken cancel) {
        double scale = detectionScale(image.getWidth(), image.getHeight());
        BufferedImage det = scale == 1.0 ? image : resize(image, scale);
        int w = det.getWidth();
        int h = det.getHeight();
        float[] map = new float[w * h];
        long mark = StageTimes.start();
        List<int[]> bands = DrawnBands.of(det, REPEATED_ROWS, BAND_MARGIN);
        StageTimes.add("det.bands", mark);
        for (int[] band : bands) {
            for (TileSplitter.Tile tile : tiles.split(w, band[1] - band[0])) {
                cancel.throwIfCancelled();
                runTile(det, tile.translated(0, band[0]), map, w);
            }
        }
        cancel.throwIfCancelled();
        mark = StageTimes.start();
        List<Quad> found = postprocessor.regions(map, w, h);
        StageTimes.add("det.post", mark);
        if (scale == 1.0) {
            return found;
        }
        return found.stream().map(q -> q.scaled(1.0 / scale)).toList();
    }

    /**
     * Screens keep their resolution; very large images (scans, 16000-pixel posters) are shrunk so the long
     * side is at most {@code maxDetectionSide}, which bounds time and memory.
     */
    double detectionScale(int width, int height) {
        int longSide = Math.max(width, height);
        return longSide > maxDetectionSide ? (double) maxDetectionSide / longSide : 1.0;
    }

    private void runTile(BufferedImage det, TileSplitter.Tile tile, float[] map, int mapWidth) {
        Rectangle a = tile.area();
        int pw = roundUp32(Math.max(a.width, 32));
        int ph = roundUp32(Math.max(a.height, 32));
        long mark = StageTimes.start();
        float[] input = new float[3 * pw * ph];
        ImageTensors.putBgr(det.getSubimage(a.x, a.y, a.width, a.height), input, 0, pw, ph, MEAN, STD);
        StageTimes.add("det.tensor", mark);
        mark = StageTimes.start();
        float[] prob;
        try (NDManager manager = model.newManager()) {
            NDArray x = manager.create(input, new Shape(1, 3, ph, pw));
            NDList out = model.run(new NDList(x));
            prob = out.get(0).toFloatArray();
        }
        StageTimes.add("det.run." + pw + "x" + ph, mark);
        Rectangle c = tile.core();
        for (int y = c.y; y < c.y + c.height; y++) {
            int src = (y - a.y) * pw + (c.x - a.x);
            System.arraycopy(prob, src, map, y * mapWidth + c.x, c.width);
        }
    }

    static int roundUp32(int v) {
        return (v + 31) / 32 * 32;
    }

    static BufferedImage resize(BufferedImage src, double scale) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
