package io.ganstudio.core.latent;

import java.util.Arrays;

/**
 * The little dense linear algebra the directions and the quality measures (FID's matrix square root) need, on small
 * matrices held as double[rows][cols].
 */
public final class SmallLinalg {

    private SmallLinalg() {
    }

    /** Orthonormalises the columns of a (rows x cols) matrix in place (modified Gram-Schmidt, twice for accuracy). */
    static void orthonormalizeColumns(double[][] a) {
        int rows = a.length;
        int cols = a[0].length;
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < cols; j++) {
                for (int k = 0; k < j; k++) {
                    double d = 0;
                    for (int i = 0; i < rows; i++) {
                        d += a[i][j] * a[i][k];
                    }
                    for (int i = 0; i < rows; i++) {
                        a[i][j] -= d * a[i][k];
                    }
                }
                double n = 0;
                for (int i = 0; i < rows; i++) {
                    n += a[i][j] * a[i][j];
                }
                n = Math.sqrt(n);
                for (int i = 0; i < rows; i++) {
                    a[i][j] = n > 1e-300 ? a[i][j] / n : 0;
                }
            }
        }
    }

    /**
     * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
     *
     * @return eigenvectors as columns, sorted by descending eigenvalue; {@code values} receives the eigenvalues
     */
    public static double[][] symmetricEigen(double[][] s, double[] values) {
        int n = s.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = s[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-24) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    rotate(a, v, p, q, c, sn);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[][] sorted = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = a[order[j]][order[j]];
            for (int i = 0; i < n; i++) {
                sorted[i][j] = v[i][order[j]];
            }
        }
        return sorted;
    }

    private static void rotate(double[][] a, double[][] v, int p, int q, double c, double s) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
