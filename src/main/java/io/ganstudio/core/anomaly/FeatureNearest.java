package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;

/**
 * Nearest-neighbour distance in one of D's feature maps, average-pooled and scaled to unit length (a cosine
 * distance): the normal reference images' features are kept, an image's score is the mean squared distance to the
 * {@link #NEIGHBOURS} nearest of them (fewer when there are fewer references), and its map the mean squared
 * difference per position to those neighbours. Its arrays live on the manager it was made on.
 */
final class FeatureNearest {

    /** How many nearest references an image's distance averages over. */
    static final int NEIGHBOURS = 10;

    private final NDArray references;
    private final float[] referenceValues;
    private final int channels;
    private final int positions;
    private final int count;

    /**
     * @param features the references' pooled, unit-length features (count x channels x positions)
     */
    FeatureNearest(NDManager manager, float[] features, int count, int channels, int positions) {
        if (features.length != (long) count * channels * positions || count < 1) {
            throw new IllegalArgumentException("the reference features do not match " + count + " images of "
                    + channels + " x " + positions);
        }
        this.channels = channels;
        this.positions = positions;
        this.count = count;
        this.referenceValues = features;
        // Kept transposed: a transpose per batch would make a new array on this long-lived manager every time.
        this.references = PortableOps.create(manager, features, new Shape(count, (long) channels * positions))
                .transpose();
    }

    /** A (batch, channels, h, w) map pooled by {@code pool} and scaled to unit length: (batch, channels * p). */
    static NDArray unitFeatures(NDArray stage, int pool) {
        Shape s = stage.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2) / pool;
        long w = s.get(3) / pool;
        NDArray pooled = PortableOps.mean(stage.reshape(b, c, h, pool, w, pool), false, 3, 5).reshape(b, c * h * w);
        NDArray norm = pooled.square().sum(new int[] {1}, true).sqrt().add(1e-8f);
        return pooled.div(norm);
    }

    /** Per image of {@code unit} (its first n rows): the mean squared distance to its nearest references, its map. */
    Result nearest(NDArray unit, int n) {
        // Unit vectors: |x - r|^2 = 2 - 2 x.r, so the nearest are those of the largest inner products.
        float[] dots = PortableOps.dot(unit, references).toFloatArray();
        float[] values = unit.toFloatArray();
        int dim = channels * positions;
        int k = Math.min(NEIGHBOURS, count);
        double[] score = new double[n];
        float[][] maps = new float[n][positions];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int r : largest(dots, i * count, count, k)) {
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < positions; p++) {
                        int at = c * positions + p;
                        double diff = values[i * dim + at] - referenceValues[r * dim + at];
                        double sq = diff * diff / k;
                        maps[i][p] += (float) sq;
                        total += sq;
                    }
                }
            }
            score[i] = total;
        }
        return new Result(score, maps);
    }

    /** The indices (0 .. length - 1) of the k largest of {@code length} values from {@code from}, ties by index. */
    static int[] largest(float[] values, int from, int length, int k) {
        int[] best = new int[k];
        int filled = 0;
        for (int j = 0; j < length; j++) {
            float v = values[from + j];
            if (filled == k && v <= values[from + best[k - 1]]) {
                continue;
            }
            int at = Math.min(filled, k - 1);
            while (at > 0 && values[from + best[at - 1]] < v) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = j;
            filled = Math.min(k, filled + 1);
        }
        return best;
    }

    /** Per image: squared distance to the nearest reference, and its map (positions values). */
    record Result(double[] scores, float[][] maps) {
    }
}
