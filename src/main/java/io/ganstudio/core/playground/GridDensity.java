package io.ganstudio.core.playground;

/**
 * Densities of points on a grid over the unit square, and the KL and JS divergence between the real and the
 * generated density (in bits, with GAN Lab's smoothing of 1e-4 per cell). Points outside the square fall into one
 * extra cell, so a generator that throws points away from the data is not rewarded for it.
 */
public final class GridDensity {

    public static final int CELLS = 30;
    private static final double EPS = 1e-4;

    private GridDensity() {
    }

    /** The share of points in each of CELLS*CELLS cells (row by row, y then x), plus the outside cell last. */
    public static double[] of(double[] xy) {
        double[] d = new double[CELLS * CELLS + 1];
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            d[cell(xy[2 * i], xy[2 * i + 1])] += 1.0 / n;
        }
        return d;
    }

    static int cell(double x, double y) {
        if (!(x >= 0 && x < 1 && y >= 0 && y < 1)) {
            return CELLS * CELLS; // also NaN
        }
        return (int) (y * CELLS) * CELLS + (int) (x * CELLS);
    }

    /** KL(real || generated), bits. */
    public static double kl(double[] real, double[] generated) {
        double s = 0;
        for (int i = 0; i < real.length; i++) {
            s += (real[i] + EPS) * log2((real[i] + EPS) / (generated[i] + EPS));
        }
        return s;
    }

    /** Jensen-Shannon divergence, bits: 0 for the same density, 1 for densities with no cell in common. */
    public static double js(double[] real, double[] generated) {
        double left = 0;
        double right = 0;
        for (int i = 0; i < real.length; i++) {
            double m = 0.5 * (real[i] + generated[i]);
            left += (real[i] + EPS) * log2((real[i] + EPS) / (m + EPS));
            right += (generated[i] + EPS) * log2((generated[i] + EPS) / (m + EPS));
        }
        return 0.5 * (left + right);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
