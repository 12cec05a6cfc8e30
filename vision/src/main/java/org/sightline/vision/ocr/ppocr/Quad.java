package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.awt.geom.Point2D;

/**
 * A text region as four corners in image pixels: top-left, top-right, bottom-right, bottom-left in the
 * direction of the text. Detection gives rotated rectangles; line merging gives axis-aligned ones.
 */
record Quad(double[] xs, double[] ys, double score) {

    Quad {
        if (xs.length != 4 || ys.length != 4) {
            throw new IllegalArgumentException("a quad has four corners");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    static Quad ofRectangle(double x, double y, double w, double h, double score) {
        return new Quad(new double[] {x, x + w, x + w, x}, new double[] {y, y, y + h, y + h}, score);
    }

    Point2D.Double corner(int i) {
        return new Point2D.Double(xs[i], ys[i]);
    }

    double width() {
        return Math.max(Math.hypot(xs[1] - xs[0], ys[1] - ys[0]), Math.hypot(xs[2] - xs[3], ys[2] - ys[3]));
    }

    double height() {
        return Math.max(Math.hypot(xs[3] - xs[0], ys[3] - ys[0]), Math.hypot(xs[2] - xs[1], ys[2] - ys[1]));
    }

    /** Angle of the top edge in degrees, 0 for horizontal text. */
    double angleDegrees() {
        return Math.toDegrees(Math.atan2(ys[1] - ys[0], xs[1] - xs[0]));
    }

    /** Whether the quad is an upright rectangle within a degree, as almost all screen text is. */
    boolean isAxisAligned() {
        double a = Math.abs(angleDegrees());
        return a < 1.0 || Math.abs(a - 180) < 1.0;
    }

    /** The smallest pixel rectangle around the quad, clipped to {@code width} x {@code height}. */
    Rectangle bounds(int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        int x0 = (int) Math.max(0, Math.floor(minX));
        int y0 = (int) Math.max(0, Math.floor(minY));
        int x1 = (int) Math.min(width, Math.ceil(maxX));
        int y1 = (int) Math.min(height, Math.ceil(maxY));
        return new Rectangle(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    Quad scaled(double factor) {
        double[] nx = new double[4];
        double[] ny = new double[4];
        for (int i = 0; i < 4; i++) {
            nx[i] = xs[i] * factor;
            ny[i] = ys[i] * factor;
        }
        return new Quad(nx, ny, score);
    }

    Quad translated(double dx, double dy) {
        double[] nx = new double[4];
        double[] ny = new double[4];
        for (int i = 0; i < 4; i++) {
            nx[i] = xs[i] + dx;
            ny[i] = ys[i] + dy;
        }
        return new Quad(nx, ny, score);
    }

    double centerX() {
        return (xs[0] + xs[1] + xs[2] + xs[3]) / 4;
    }

    double centerY() {
        return (ys[0] + ys[1] + ys[2] + ys[3]) / 4;
    }
}
