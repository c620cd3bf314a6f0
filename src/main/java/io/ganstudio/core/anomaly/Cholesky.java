package io.ganstudio.core.anomaly;

/** The inverse of a symmetric positive definite matrix by its Cholesky factor, in double precision. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * @param a n x n, row-major, symmetric positive definite (not changed)
     * @throws IllegalArgumentException when a is not positive definite
     */
    static double[] inverse(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the covariance is not positive definite");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        // L^-1 by forward substitution, then A^-1 = L^-T L^-1.
        double[] li = new double[n * n];
        for (int col = 0; col < n; col++) {
            for (int i = col; i < n; i++) {
                double s = i == col ? 1 : 0;
                for (int k = col; k < i; k++) {
                    s -= l[i * n + k] * li[k * n + col];
                }
                li[i * n + col] = s / l[i * n + i];
            }
        }
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += li[k * n + i] * li[k * n + j];
                }
                inv[i * n + j] = s;
                inv[j * n + i] = s;
            }
        }
        return inv;
    }
}
