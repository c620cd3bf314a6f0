package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;

/**
 * Number of statistically different bins (Richardson and Weiss 2018; eitanrich/gans-n-gmms ndb.py): the real
 * images are divided into K bins by k-means; each sample goes to its nearest bin centre; a bin is "different" when
 * a two-proportion z-test (two-sided, 5% level, |z| > 1.96) says the samples' share in it differs from the real
 * images'. A generator that draws like the data has about 5% of its bins different by chance; a collapsed one has
 * many (the bins it never reaches and those it crowds). Also the Jensen-Shannon divergence of the two bin-share
 * vectors (natural log, 0 to ln 2).
 */
public final class Ndb {

    public static final double Z_THRESHOLD = 1.959964;
    private static final int ITERATIONS = 20;

    private final float[][] centres;
    private final int dims;
    private final double[] realShares;
    private final int realCount;

    private Ndb(float[][] centres, int dims, double[] realShares, int realCount) {
        this.centres = centres;
        this.dims = dims;
        this.realShares = realShares;
        this.realCount = realCount;
    }

    /** The result of comparing a sample set with the real images' bins. */
    public record Result(int bins, int differentBins, double jsDivergence, double[] realShares,
                         double[] sampleShares) {

        public double differentShare() {
            return (double) differentBins / bins;
        }
    }

    /** Bins for about 25 real images each (2 to 100 bins), as ndb.py recommends bins that are not too sparse. */
    public static int binsFor(int realCount, int sampleCount) {
        return Math.max(2, Math.min(100, Math.min(realCount, sampleCount) / 25));
    }

    /** Fits K bins to the real images (rows of d floats) with k-means++ seeded from {@code seed}. */
    public static Ndb fit(NDManager manager, float[] real, int n, int d, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("NDB needs between 2 and " + n + " bins, not " + k);
        }
        Rng rng = Rng.derive(seed, 21);
        float[][] centres = new float[k][];
        centres[0] = row(real, rng.nextInt(n), d);
        float[] nearestSq = new float[n];
        Arrays.fill(nearestSq, Float.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) { // k-means++: each new centre drawn in proportion to the squared distance
            Neighbours.Result r = Neighbours.find(manager, real, n, centres[c - 1], 1, d, 1, false);
            double total = 0;
            for (int i = 0; i < n; i++) {
                float sq = r.distance(i, 0) * r.distance(i, 0) * d;
                nearestSq[i] = Math.min(nearestSq[i], sq);
                total += nearestSq[i];
            }
            double target = rng.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                target -= nearestSq[i];
                if (target <= 0) {
                    pick = i;
                    break;
                }
            }
            centres[c] = row(real, pick, d);
        }
        int[] assignment = new int[n];
        for (int it = 0; it < ITERATIONS; it++) {
            int[] next = assign(manager, centres, real, n, d);
            boolean changed = it == 0 || !Arrays.equals(next, assignment);
            assignment = next;
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int c = assignment[i];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c][j] += real[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue; // an empty bin keeps its centre
                }
                for (int j = 0; j < d; j++) {
                    centres[c][j] = (float) (sums[c][j] / counts[c]);
                }
            }
            if (!changed) {
                break;
            }
        }
        int[] finalAssignment = assign(manager, centres, real, n, d);
        return new Ndb(centres, d, shares(finalAssignment, k), n);
    }

    public int bins() {
        return centres.length;
    }

    /** Compares samples (rows of the same d floats as the real images) with the real bins. */
    public Result compare(NDManager manager, float[] samples, int m) {
        int k = centres.length;
        double[] q = shares(assign(manager, centres, samples, m, dims), k);
        int different = 0;
        for (int c = 0; c < k; c++) {
            double p = realShares[c];
            double pooled = (p * realCount + q[c] * m) / (realCount + m);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / realCount + 1.0 / m));
            double z = se == 0 ? 0 : (q[c] - p) / se;
            if (Math.abs(z) > Z_THRESHOLD) {
                different++;
            }
        }
        return new Result(k, different, jensenShannon(realShares, q), realShares.clone(), q);
    }

    static double jensenShannon(double[] p, double[] q) {
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                js += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                js += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return Math.max(0, js);
    }

    private static int[] assign(NDManager manager, float[][] centres, float[] rows, int n, int d) {
        float[] flat = new float[centres.length * d];
        for (int c = 0; c < centres.length; c++) {
            System.arraycopy(centres[c], 0, flat, c * d, d);
        }
        Neighbours.Result r = Neighbours.find(manager, rows, n, flat, centres.length, d, 1, false);
        return r.indices();
    }

    private static double[] shares(int[] assignment, int k) {
        double[] s = new double[k];
        for (int a : assignment) {
            s[a] += 1.0 / assignment.length;
        }
        return s;
    }

    private static float[] row(float[] data, int i, int d) {
        return Arrays.copyOfRange(data, i * d, (i + 1) * d);
    }
}
