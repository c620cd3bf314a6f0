package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;

/**
 * Nearest-neighbour distance in one of D's feature maps, average-pooled and scaled to unit length (a cosine
 * distance): the normal reference images' features are kept, an image's score is the squared distance to the
 * nearest of them, and its map the squared difference per position to that neighbour. Its arrays live on the
 * manager it was made on.
 */
final class FeatureNearest {

    private final NDArray references;
    private final float[] referenceValues;
    private final int channels;
    private final int positions;

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

    /** Per image of {@code unit} (its first n rows): the squared distance to the nearest reference and its map. */
    Result nearest(NDArray unit, int n) {
        // Unit vectors: |x - r|^2 = 2 - 2 x.r, so the nearest is the largest inner product.
        NDArray dots = PortableOps.dot(unit, references);
        float[] best = dots.argMax(1).toType(DataType.FLOAT32, false).toFloatArray();
        float[] values = unit.toFloatArray();
        int dim = channels * positions;
        double[] score = new double[n];
        float[][] maps = new float[n][positions];
        for (int i = 0; i < n; i++) {
            int r = (int) best[i];
            double total = 0;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) {
                    double diff = values[i * dim + c * positions + p] - referenceValues[r * dim + c * positions + p];
                    double sq = diff * diff;
                    maps[i][p] += (float) sq;
                    total += sq;
                }
            }
            score[i] = total;
        }
        return new Result(score, maps);
    }

    /** Per image: squared distance to the nearest reference, and its map (positions values). */
    record Result(double[] scores, float[][] maps) {
    }
}
