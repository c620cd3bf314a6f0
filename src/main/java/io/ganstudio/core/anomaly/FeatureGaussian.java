package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;

/**
 * A Gaussian per position of one of D's feature maps, fitted to normal images (PaDiM, Defard et al. 2020, on the
 * run's own discriminator instead of an ImageNet backbone): an image's distance at a position is the squared
 * Mahalanobis distance of its feature vector there, and its score the sum over positions. The covariances are
 * shrunk towards their mean variance ({@link #SHRINK}) so that they invert with a few thousand images.
 */
final class FeatureGaussian {

    /** Share of the mean variance added to every covariance's diagonal. */
    static final double SHRINK = 0.01;

    private final int channels;
    private final int positions;
    /** positions x channels. */
    private final float[] mean;
    /** positions x channels x channels. */
    private final float[] precision;

    FeatureGaussian(int channels, int positions, float[] mean, float[] precision) {
        if (mean.length != positions * channels || precision.length != positions * channels * channels) {
            throw new IllegalArgumentException("the Gaussian's statistics do not match its " + positions
                    + " positions of " + channels + " channels");
        }
        this.channels = channels;
        this.positions = positions;
        this.mean = mean;
        this.precision = precision;
    }

    int channels() {
        return channels;
    }

    int positions() {
        return positions;
    }

    float[] mean() {
        return mean;
    }

    float[] precision() {
        return precision;
    }

    /** Sums of features and of their outer products per position, a batch at a time. */
    static final class Accumulator {
        private int channels = -1;
        private int positions;
        private double[] sum;
        private double[] outer;
        private long count;

        /** Adds the first {@code n} images of a (batch, channels, height, width) map. */
        void add(NDArray stage, int n) {
            Shape s = stage.getShape();
            if (channels < 0) {
                channels = (int) s.get(1);
                positions = (int) (s.get(2) * s.get(3));
                sum = new double[positions * channels];
                outer = new double[positions * channels * channels];
            }
            NDArray x = stage.get("0:" + n).reshape(n, channels, positions).transpose(2, 0, 1); // (P, n, C)
            float[] s1 = x.sum(new int[] {1}).toFloatArray();
            float[] s2 = PortableOps.batchDot(x.transpose(0, 2, 1), x).toFloatArray(); // (P, C, C)
            for (int i = 0; i < s1.length; i++) {
                sum[i] += s1[i];
            }
            for (int i = 0; i < s2.length; i++) {
                outer[i] += s2[i];
            }
            count += n;
        }

        FeatureGaussian finish() {
            if (count < 2) {
                throw new IllegalArgumentException("a Gaussian needs at least 2 images, not " + count);
            }
            int c = channels;
            float[] m = new float[positions * c];
            float[] prec = new float[positions * c * c];
            double[] cov = new double[c * c];
            for (int p = 0; p < positions; p++) {
                double trace = 0;
                for (int i = 0; i < c; i++) {
                    m[p * c + i] = (float) (sum[p * c + i] / count);
                }
                for (int i = 0; i < c; i++) {
                    double mi = sum[p * c + i] / count;
                    for (int j = 0; j < c; j++) {
                        double mj = sum[p * c + j] / count;
                        cov[i * c + j] = (outer[(p * c + i) * c + j] - count * mi * mj) / (count - 1);
                    }
                    trace += cov[i * c + i];
                }
                double ridge = SHRINK * trace / c + 1e-6;
                for (int i = 0; i < c; i++) {
                    cov[i * c + i] += ridge;
                }
                double[] inv = Cholesky.inverse(cov, c);
                for (int i = 0; i < c * c; i++) {
                    prec[p * c * c + i] = (float) inv[i];
                }
            }
            return new FeatureGaussian(c, positions, m, prec);
        }
    }

    /** Squared Mahalanobis distances of a (batch, channels, height, width) map: (batch, positions). */
    NDArray distances(NDArray stage) {
        NDManager m = stage.getManager();
        long b = stage.getShape().get(0);
        NDArray x = stage.reshape(b, channels, positions).transpose(2, 0, 1); // (P, B, C)
        NDArray mu = PortableOps.create(m, mean, new Shape(positions, 1, channels));
        NDArray prec = PortableOps.create(m, precision, new Shape(positions, channels, channels));
        NDArray xc = x.sub(mu);
        return PortableOps.batchDot(xc, prec).mul(xc).sum(new int[] {2}).transpose(1, 0);
    }
}
