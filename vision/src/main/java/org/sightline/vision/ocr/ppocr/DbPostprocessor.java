package org.sightline.vision.ocr.ppocr;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RotatedRect;

/**
 * Turns the DB probability map into text regions: threshold, contours, the minimum-area rectangle of each,
 * its mean probability as a score, then "unclip" (grow the shrunk text kernel back to the text's extent by
 * {@code area * ratio / perimeter} on every side).
 */
final class DbPostprocessor {

    /** Settings; PaddleOCR's stock ones are 0.3, 0.6, 1.5, 3. A lower box score keeps thin and grey screen text (italic quotes, captions) that scores about 0.4. */
    record Settings(float threshold, float boxThreshold, double unclipRatio, double minSide) {
        static Settings forScreens() {
            return new Settings(0.3f, 0.35f, 1.6, 3);
        }
    }

    /** A thin kernel at least this long (in map pixels) may be a narrow character rather than a speck. */
    static final double MIN_NARROW_KERNEL = 2;
    /** Mean probability a thin kernel needs before it is taken for a character. */
    static final double NARROW_KERNEL_SCORE = 0.5;
    /** How many of the nearest regions give a narrow character its line height. */
    private static final int NEIGHBOURS = 5;
    /** A grown narrow character smaller than this is not worth reading. */
    private static final double MIN_GROWN_SIDE = 5;

    private final Settings settings;

    DbPostprocessor(Settings settings) {
        this.settings = settings;
    }

    /** Regions in probability-map pixels; the map is {@code width} x {@code height}, row-major. */
    List<Quad> regions(float[] probability, int width, int height) {
        Mat binary = new Mat(height, width, CV_8UC1);
        MatVector contours = new MatVector();
        try {
            byte[] bits = new byte[width * height];
            float t = settings.threshold();
            for (int i = 0; i < bits.length; i++) {
                bits[i] = probability[i] > t ? (byte) 255 : 0;
            }
            binary.data().put(bits);
            findContours(binary, contours, RETR_LIST, CHAIN_APPROX_SIMPLE);
            List<Quad> quads = new ArrayList<>();
            List<Quad> narrow = new ArrayList<>();
            long n = contours.size();
            for (long i = 0; i < n; i++) {
                Mat contour = contours.get(i);
                RotatedRect rect = minAreaRect(contour);
                double w = rect.size().width();
                double h = rect.size().height();
                if (Math.min(w, h) < settings.minSide()) {
                    Quad kernel = corners(rect);
                    rect.close();
                    if (Math.max(w, h) >= MIN_NARROW_KERNEL) {
                        double score = meanInside(probability, width, height, kernel);
                        if (score >= NARROW_KERNEL_SCORE) {
                            narrow.add(new Quad(kernel.xs(), kernel.ys(), score));
                        }
                    }
                    continue;
                }
                Quad kernel = corners(rect);
                rect.close();
                double score = meanInside(probability, width, height, kernel);
                if (score < settings.boxThreshold()) {
                    continue;
                }
                Quad grown = unclip(kernel, settings.unclipRatio(), score);
                if (Math.min(grown.width(), grown.height()) < settings.minSide() + 2) {
                    continue;
                }
                quads.add(grown);
            }
            for (Quad k : narrow) {
                Quad grown = growToNeighbours(k, quads, width, height);
                if (grown != null) {
                    quads.add(grown);
                }
            }
            return quads;
        } finally {
            contours.close();
            binary.close();
        }
    }

    /**
     * A lone narrow character ("}" closing a block of code, "|", "1") leaves a kernel only a pixel or two across:
     * too thin for the minimum size and far too small for the unclip, which grows a kernel in proportion to its
     * own size. When the detector is sure of it, it is given the height of the text regions nearest to it (the
     * lines around it are set in the same size) and the same margin at its sides, as an upright box. Without any
     * other text on the page there is nothing to size it by, and it is dropped as before.
     */
    static Quad growToNeighbours(Quad kernel, List<Quad> regions, int width, int height) {
        if (regions.isEmpty()) {
            return null;
        }
        double cx = kernel.centerX();
        double cy = kernel.centerY();
        List<Quad> near = new ArrayList<>(regions);
        near.sort(Comparator.comparingDouble(q -> distance(q, cx, cy)));
        int k = Math.min(NEIGHBOURS, near.size());
        double[] heights = new double[k];
        for (int i = 0; i < k; i++) {
            heights[i] = Math.min(near.get(i).width(), near.get(i).height());
        }
        Arrays.sort(heights);
        double lineHeight = heights[k / 2];
        var box = kernel.bounds(width, height);
        double margin = Math.max(0, (lineHeight - box.height) / 2);
        double x0 = Math.max(0, box.x - margin);
        double y0 = Math.max(0, box.y - margin);
        double x1 = Math.min(width, box.x + box.width + margin);
        double y1 = Math.min(height, box.y + box.height + margin);
        if (Math.min(x1 - x0, y1 - y0) < MIN_GROWN_SIDE) {
            return null;
        }
        return Quad.ofRectangle(x0, y0, x1 - x0, y1 - y0, kernel.score());
    }

    /** Distance from a point to a region's box, 0 inside it. */
    private static double distance(Quad q, double x, double y) {
        double minX = Math.min(Math.min(q.xs()[0], q.xs()[1]), Math.min(q.xs()[2], q.xs()[3]));
        double maxX = Math.max(Math.max(q.xs()[0], q.xs()[1]), Math.max(q.xs()[2], q.xs()[3]));
        double minY = Math.min(Math.min(q.ys()[0], q.ys()[1]), Math.min(q.ys()[2], q.ys()[3]));
        double maxY = Math.max(Math.max(q.ys()[0], q.ys()[1]), Math.max(q.ys()[2], q.ys()[3]));
        double dx = Math.max(0, Math.max(minX - x, x - maxX));
        double dy = Math.max(0, Math.max(minY - y, y - maxY));
        return Math.hypot(dx, dy);
    }

    /** Corners of a rotated rectangle ordered top-left, top-right, bottom-right, bottom-left. */
    static Quad corners(RotatedRect rect) {
        try (Point2f pts = new Point2f(4)) {
            rect.points(pts);
            double[][] p = new double[4][];
            for (int i = 0; i < 4; i++) {
                Point2f q = pts.getPointer(i);
                p[i] = new double[] {q.x(), q.y()};
            }
            return order(p, 1.0);
        }
    }

    /** Orders four points as PP-OCR does: the two leftmost give top-left and bottom-left, and so on. */
    static Quad order(double[][] p, double score) {
        double[][] s = p.clone();
        Arrays.sort(s, Comparator.comparingDouble(a -> a[0]));
        double[] tl = s[0][1] <= s[1][1] ? s[0] : s[1];
        double[] bl = s[0][1] <= s[1][1] ? s[1] : s[0];
        double[] tr = s[2][1] <= s[3][1] ? s[2] : s[3];
        double[] br = s[2][1] <= s[3][1] ? s[3] : s[2];
        return new Quad(new double[] {tl[0], tr[0], br[0], bl[0]}, new double[] {tl[1], tr[1], br[1], bl[1]},
                score);
    }

    /** Grows a rectangle by {@code area * ratio / perimeter} on every side. */
    static Quad unclip(Quad q, double ratio, double score) {
        double w = Math.hypot(q.xs()[1] - q.xs()[0], q.ys()[1] - q.ys()[0]);
        double h = Math.hypot(q.xs()[3] - q.xs()[0], q.ys()[3] - q.ys()[0]);
        if (w == 0 || h == 0) {
            return new Quad(q.xs(), q.ys(), score);
        }
        double d = w * h * ratio / (2 * (w + h));
        double ux = (q.xs()[1] - q.xs()[0]) / w;
        double uy = (q.ys()[1] - q.ys()[0]) / w;
        double vx = (q.xs()[3] - q.xs()[0]) / h;
        double vy = (q.ys()[3] - q.ys()[0]) / h;
        double[] xs = new double[4];
        double[] ys = new double[4];
        double[] su = {-1, 1, 1, -1};
        double[] sv = {-1, -1, 1, 1};
        for (int i = 0; i < 4; i++) {
            xs[i] = q.xs()[i] + d * (su[i] * ux + sv[i] * vx);
            ys[i] = q.ys()[i] + d * (su[i] * uy + sv[i] * vy);
        }
        double[][] pts = {{xs[0], ys[0]}, {xs[1], ys[1]}, {xs[2], ys[2]}, {xs[3], ys[3]}};
        return order(pts, score);
    }

    /** Mean probability inside the quad, sampled over its bounding box with a point-in-polygon test. */
    static double meanInside(float[] prob, int width, int height, Quad q) {
        var r = q.bounds(width, height);
        if (r.isEmpty()) {
            return 0;
        }
        java.awt.geom.Path2D.Double poly = new java.awt.geom.Path2D.Double();
        poly.moveTo(q.xs()[0], q.ys()[0]);
        for (int i = 1; i < 4; i++) {
            poly.lineTo(q.xs()[i], q.ys()[i]);
        }
        poly.closePath();
        boolean upright = q.isAxisAligned();
        double sum = 0;
        long count = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            int base = y * width;
            for (int x = r.x; x < r.x + r.width; x++) {
                if (upright || poly.contains(x + 0.5, y + 0.5)) {
                    sum += prob[base + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
