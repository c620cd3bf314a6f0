package io.ganstudio.core.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.PortableOps;

import java.util.Arrays;

/**
 * Nearest neighbours by Euclidean distance between rows of two matrices (n x d floats), the products on the
 * engine in blocks of rows: |a - b|^2 = |a|^2 + |b|^2 - 2 a.b. Distances are reported as RMS differences,
 * sqrt(|a - b|^2 / d), so that images of any size give comparable figures (pixels in [-1, 1]: 0 to 2).
 */
public final class Neighbours {

    private static final int BLOCK = 256;

    /** For each query, the indices of its k nearest references (nearest first) and their RMS distances. */
    public record Result(int k, int[] indices, float[] distances) {

        public int index(int query, int rank) {
            return indices[query * k + rank];
        }

        public float distance(int query, int rank) {
            return distances[query * k + rank];
        }

        /** Each query's distance to its nearest reference. */
        public float[] nearestDistances() {
            float[] out = new float[indices.length / k];
            for (int i = 0; i < out.length; i++) {
                out[i] = distances[i * k];
            }
            return out;
        }
    }

    private Neighbours() {
    }

    /**
     * @param excludeSelf when queries and references are the same set: never return a row as its own neighbour
     */
    public static Result find(NDManager parent, float[] queries, int nq, float[] refs, int nr, int d, int k,
                              boolean excludeSelf) {
        int usable = excludeSelf ? nr - 1 : nr;
        if (k < 1 || k > usable) {
            throw new IllegalArgumentException("cannot find " + k + " neighbours among " + usable);
        }
        int[] indices = new int[nq * k];
        float[] distances = new float[nq * k];
        try (NDManager sub = parent.newSubManager()) {
            NDArray r = rowsOf(sub, refs, nr, d);
            NDArray rt = r.transpose();
            float[] refNorms = r.mul(r).sum(new int[] {1}).toFloatArray();
            int[] bestIdx = new int[k];
            float[] bestSq = new float[k];
            for (int from = 0; from < nq; from += BLOCK) {
                int rows = Math.min(BLOCK, nq - from);
                float[] block = new float[rows * d];
                System.arraycopy(queries, from * d, block, 0, rows * d);
                float[] products;
                float[] queryNorms;
                try (NDManager b = sub.newSubManager()) {
                    NDArray q = PortableOps.create(b, block, new Shape(rows, d));
                    products = PortableOps.dot(q, rt).toFloatArray();
                    queryNorms = q.mul(q).sum(new int[] {1}).toFloatArray();
                }
                for (int i = 0; i < rows; i++) {
                    Arrays.fill(bestSq, Float.POSITIVE_INFINITY);
                    Arrays.fill(bestIdx, -1);
                    int row = i * nr;
                    int self = excludeSelf ? from + i : -1;
                    for (int j = 0; j < nr; j++) {
                        if (j == self) {
                            continue;
                        }
                        float sq = queryNorms[i] + refNorms[j] - 2 * products[row + j];
                        if (sq < bestSq[k - 1]) {
                            int p = k - 1;
                            while (p > 0 && bestSq[p - 1] > sq) {
                                bestSq[p] = bestSq[p - 1];
                                bestIdx[p] = bestIdx[p - 1];
                                p--;
                            }
                            bestSq[p] = sq;
                            bestIdx[p] = j;
                        }
                    }
                    for (int t = 0; t < k; t++) {
                        indices[(from + i) * k + t] = bestIdx[t];
                        distances[(from + i) * k + t] = (float) Math.sqrt(Math.max(0, bestSq[t]) / d);
                    }
                }
            }
        }
        return new Result(k, indices, distances);
    }

    /**
     * The first n rows of d values as an n x d array. Callers may pass a longer array (the first n of a larger set);
     * only its first n x d values are handed to the engine, which otherwise warns that the buffer is larger than the
     * array.
     */
    private static NDArray rowsOf(NDManager m, float[] values, int n, int d) {
        return PortableOps.create(m, values, new Shape(n, d));
    }

    /** Mean RMS distance over all pairs of distinct rows (n x d floats): how spread out a set of images is. */
    public static double meanPairwiseDistance(NDManager parent, float[] rows, int n, int d) {
        if (n < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 images, not " + n);
        }
        try (NDManager sub = parent.newSubManager()) {
            NDArray x = rowsOf(sub, rows, n, d);
            NDArray norms = x.mul(x).sum(new int[] {1});
            NDArray sq = norms.reshape(n, 1).add(norms.reshape(1, n))
                    .sub(PortableOps.mul(PortableOps.dot(x, x.transpose()), 2f));
            float[] all = sq.toFloatArray();
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) { // the diagonal is 0 up to round-off
                        total += Math.sqrt(Math.max(0, all[i * n + j]) / d);
                    }
                }
            }
            return total / ((double) n * (n - 1));
        }
    }
}
