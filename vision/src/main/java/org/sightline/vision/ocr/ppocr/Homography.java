package org.sightline.vision.ocr.ppocr;

/**
 * The perspective transform taking the corners of a {@code w x h} rectangle to four image points, solved as
 * the usual 8x8 linear system. Returned as {@code h00 h01 h02 h10 h11 h12 h20 h21} (h22 = 1).
 */
final class Homography {

    private Homography() {
    }

    static double[] fromUnitRectangle(double w, double h, double[] xs, double[] ys) {
        double[][] src = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double u = src[i][0];
            double v = src[i][1];
            double x = xs[i];
            double y = ys[i];
            a[2 * i] = new double[] {u, v, 1, 0, 0, 0, -u * x, -v * x, x};
            a[2 * i + 1] = new double[] {0, 0, 0, u, v, 1, -u * y, -v * y, y};
        }
        return solve(a);
    }

    /** Gaussian elimination with partial pivoting on an augmented 8x9 matrix. */
    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double p = a[col][col];
            if (Math.abs(p) < 1e-12) {
                throw new IllegalArgumentException("degenerate quad");
            }
            for (int c = col; c <= n; c++) {
                a[col][c] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < n; i++) {
            h[i] = a[i][n];
        }
        return h;
    }
}
