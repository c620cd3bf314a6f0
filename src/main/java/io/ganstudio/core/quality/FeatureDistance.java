package io.ganstudio.core.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.latent.SmallLinalg;

import java.util.Arrays;

/**
 * Fréchet distance (FID) and kernel distance (KID) between two sets of feature vectors (rows of n x d floats).
 * FID = |mu1 - mu2|^2 + tr(C1) + tr(C2) - 2 tr sqrt(C1 C2); tr sqrt(C1 C2) is computed as the sum of the square
 * roots of the eigenvalues of the symmetric matrix sqrt(C1) C2 sqrt(C1), with sqrt(C1) from a symmetric
 * eigendecomposition (negative round-off eigenvalues clipped to zero). KID is the unbiased squared MMD with the
 * cubic polynomial kernel k(x, y) = (x.y / d + 1)^3 (Binkowski et al. 2018) over the whole sets, its sums taken on
 * the engine in blocks of rows.
 */
public final class FeatureDistance {

    private static final int BLOCK = 1024;

    private FeatureDistance() {
    }

    /** Mean and covariance (divided by n - 1) of n rows of d features. */
    public record Stats(int count, double[] mean, double[][] covariance) {

        public static Stats of(float[] rows, int n, int d) {
            if (n < 2) {
                throw new IllegalArgumentException("statistics need at least 2 feature vectors, not " + n);
            }
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += rows[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }
            double[][] cov = new double[d][d];
            double[] centred = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    centred[j] = rows[i * d + j] - mean[j];
                }
                for (int a = 0; a < d; a++) {
                    double ca = centred[a];
                    if (ca == 0) {
                        continue;
                    }
                    double[] row = cov[a];
                    for (int b = a; b < d; b++) {
                        row[b] += ca * centred[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] /= (n - 1);
                    cov[b][a] = cov[a][b];
                }
            }
            return new Stats(n, mean, cov);
        }
    }

    /**
     * A fixed reference set (the real images' features) with what FID and KID need of it computed once: its
     * statistics, the square root of its covariance, and its own kernel sum.
     */
    public static final class Reference {
        private final float[] features;
        private final int count;
        private final int dims;
        private final Stats stats;
        private final double[][] rootCovariance;
        private final double selfKernel;

        public Reference(NDManager manager, float[] features, int count, int dims) {
            this.features = features;
            this.count = count;
            this.dims = dims;
            this.stats = Stats.of(features, count, dims);
            this.rootCovariance = sqrtPsd(stats.covariance());
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = PortableOps.create(sub, features, new Shape(count, dims));
                this.selfKernel = kernelSum(sub, x, x, dims) - diagonalSum(x, dims);
            }
        }

        public int count() {
            return count;
        }

        /** FID of the samples' features (n x dims) against this reference. */
        public double fid(float[] samples, int n) {
            return FeatureDistance.fid(stats, rootCovariance, Stats.of(samples, n, dims));
        }

        /** KID of the samples' features against this reference. */
        public double kid(NDManager manager, float[] samples, int n) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = PortableOps.create(sub, samples, new Shape(n, dims));
                NDArray y = PortableOps.create(sub, features, new Shape(count, dims));
                double xx = kernelSum(sub, x, x, dims) - diagonalSum(x, dims);
                double xy = kernelSum(sub, x, y, dims);
                return xx / ((double) n * (n - 1)) + selfKernel / ((double) count * (count - 1))
                        - 2 * xy / ((double) n * count);
            }
        }
    }

    public static double fid(Stats a, Stats b) {
        return fid(a, sqrtPsd(a.covariance()), b);
    }

    private static double fid(Stats a, double[][] rootA, Stats b) {
        int d = a.mean().length;
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double diff = a.mean()[j] - b.mean()[j];
            meanTerm += diff * diff;
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += a.covariance()[j][j] + b.covariance()[j][j];
        }
        double[][] m = multiply(multiply(rootA, b.covariance()), rootA);
        symmetrise(m);
        double[] values = eigenvalues(m);
        double traceRoot = 0;
        for (double v : values) {
            traceRoot += Math.sqrt(Math.max(0, v));
        }
        return Math.max(0, meanTerm + trace - 2 * traceRoot);
    }

    public static double fid(float[] a, int n, float[] b, int m, int d) {
        return fid(Stats.of(a, n, d), Stats.of(b, m, d));
    }

    /**
     * Unbiased squared MMD with the cubic polynomial kernel between n rows of a and m rows of b (d features each).
     * Near 0 (it can be slightly negative) when both come from one distribution.
     */
    public static double kid(NDManager parent, float[] a, int n, float[] b, int m, int d) {
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("KID needs at least 2 feature vectors in each set");
        }
        try (NDManager sub = parent.newSubManager()) {
            NDArray x = PortableOps.create(sub, a, new Shape(n, d));
            NDArray y = PortableOps.create(sub, b, new Shape(m, d));
            double xx = kernelSum(sub, x, x, d) - diagonalSum(x, d);
            double yy = kernelSum(sub, y, y, d) - diagonalSum(y, d);
            double xy = kernelSum(sub, x, y, d);
            return xx / ((double) n * (n - 1)) + yy / ((double) m * (m - 1)) - 2 * xy / ((double) n * m);
        }
    }

    private static double kernelSum(NDManager sub, NDArray x, NDArray y, int d) {
        long n = x.getShape().get(0);
        NDArray yt = y.transpose();
        double total = 0;
        for (long from = 0; from < n; from += BLOCK) {
            long to = Math.min(n, from + BLOCK);
            try (NDManager block = sub.newSubManager()) {
                NDArray rows = x.get(from + ":" + to);
                rows.attach(block);
                NDArray k = PortableOps.div(PortableOps.dot(rows, yt), d).add(1f);
                total += k.mul(k).mul(k).toType(DataType.FLOAT64, false).sum().getDouble();
            }
        }
        return total;
    }

    private static double diagonalSum(NDArray x, int d) {
        NDArray norms = PortableOps.div(x.mul(x).sum(new int[] {1}), d).add(1f);
        return norms.mul(norms).mul(norms).toType(DataType.FLOAT64, false).sum().getDouble();
    }

    /** Symmetric square root of a positive semi-definite matrix. */
    static double[][] sqrtPsd(double[][] s) {
        int d = s.length;
        double[] values = new double[d];
        double[][] v = eigen(s, values);
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double r = Math.sqrt(Math.max(0, values[k]));
            if (r == 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double vik = v[i][k] * r;
                if (vik == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    out[i][j] += vik * v[j][k];
                }
            }
        }
        return out;
    }

    private static double[] eigenvalues(double[][] s) {
        double[] values = new double[s.length];
        eigen(s, values);
        return values;
    }

    /**
     * Jacobi eigendecomposition on a copy scaled to unit largest diagonal: its stopping rule is an absolute
     * off-diagonal size, which covariances of large features would otherwise never reach.
     */
    private static double[][] eigen(double[][] s, double[] values) {
        double scale = 0;
        for (int i = 0; i < s.length; i++) {
            scale = Math.max(scale, Math.abs(s[i][i]));
        }
        if (scale == 0) {
            Arrays.fill(values, 0);
            double[][] identity = new double[s.length][s.length];
            for (int i = 0; i < s.length; i++) {
                identity[i][i] = 1;
            }
            return identity;
        }
        double[][] scaled = new double[s.length][s.length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                scaled[i][j] = s[i][j] / scale;
            }
        }
        double[][] vectors = SmallLinalg.symmetricEigen(scaled, values);
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return vectors;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                if (aip == 0) {
                    continue;
                }
                double[] row = b[p];
                double[] o = out[i];
                for (int j = 0; j < m; j++) {
                    o[j] += aip * row[j];
                }
            }
        }
        return out;
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }
}
