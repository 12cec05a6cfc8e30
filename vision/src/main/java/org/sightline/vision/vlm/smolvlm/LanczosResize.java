package org.sightline.vision.vlm.smolvlm;

/**
 * Lanczos (a = 3) resampling of one float channel, separable, with the kernel widened when shrinking so
 * that downscaled text does not alias; the same filter the reference Idefics3 processor uses through PIL.
 * Results are rounded and clamped to 0-255 like the 8-bit images the model was trained on.
 */
final class LanczosResize {

    private static final double A = 3.0;

    private LanczosResize() {
    }

    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        if (sw == dw && sh == dh) {
            return src.clone();
        }
        float[] horizontal = new float[dw * sh];
        Kernel kx = new Kernel(sw, dw);
        for (int y = 0; y < sh; y++) {
            int row = y * sw;
            for (int x = 0; x < dw; x++) {
                int start = kx.start[x];
                double[] w = kx.weights[x];
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[row + start + k];
                }
                horizontal[y * dw + x] = (float) sum;
            }
        }
        float[] out = new float[dw * dh];
        Kernel ky = new Kernel(sh, dh);
        for (int y = 0; y < dh; y++) {
            int start = ky.start[y];
            double[] w = ky.weights[y];
            for (int x = 0; x < dw; x++) {
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * horizontal[(start + k) * dw + x];
                }
                out[y * dw + x] = (float) Math.max(0, Math.min(255, Math.rint(sum)));
            }
        }
        return out;
    }

    /** Per output position: the first source index and the normalised weights. */
    private static final class Kernel {
        final int[] start;
        final double[][] weights;

        Kernel(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(1.0, scale);
            double support = A * filterScale;
            start = new int[out];
            weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int lo = Math.max(0, (int) (center - support + 0.5));
                int hi = Math.min(in, (int) (center + support + 0.5));
                double[] w = new double[Math.max(1, hi - lo)];
                double total = 0;
                for (int k = 0; k < hi - lo; k++) {
                    w[k] = lanczos((k + lo - center + 0.5) / filterScale);
                    total += w[k];
                }
                if (total == 0) {
                    w = new double[] {1};
                    lo = Math.min(in - 1, (int) center);
                } else {
                    for (int k = 0; k < w.length; k++) {
                        w[k] /= total;
                    }
                }
                start[i] = lo;
                weights[i] = w;
            }
        }
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= A) {
            return 0;
        }
        double px = Math.PI * x;
        return A * Math.sin(px) * Math.sin(px / A) / (px * px);
    }
}
