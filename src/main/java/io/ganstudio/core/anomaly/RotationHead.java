package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Self-supervision on the run's own discriminator, after GeoTrans (Golan and El-Yaniv 2018), with the four quarter
 * turns as the transformations and a linear softmax classifier on D's frozen last hidden map instead of a network of
 * its own: fitted on the normal images turned by 0, 90, 180 and 270 degrees, it tells which turn was applied. An
 * image's score is the sum over the four turns of -log p(turn | turned image): the turns of images like the normal
 * ones are easy to tell, those of others are not. The map: each cell of the feature map's share of that loss
 * (first order: its features times the gradient of the loss with respect to the logits), turned back and summed.
 */
final class RotationHead {

    static final int TURNS = 4;
    /** At most this many feature values (turned images x features) are held while fitting: about 200 MB. */
    static final long MAX_FIT_VALUES = 50_000_000L;
    static final int EPOCHS = 15;
    static final int BATCH = 256;
    static final double LEARNING_RATE = 0.001;
    /** Weight of the squared weights (not the biases) in the loss. */
    static final double L2 = 1e-3;
    /** Array names inside the inspection model file. */
    static final String MEAN = "rotation.mean";
    static final String SCALE = "rotation.scale";
    static final String WEIGHTS = "rotation.weights";

    private final int channels;
    private final int cells;
    /** Per feature: the normal turned images' mean and standard deviation. */
    private final float[] mean;
    private final float[] scale;
    /** (features + 1) x TURNS: the last row holds the biases. */
    private final float[] weights;
    /** The same, widened once for scoring. */
    private final double[] wide;

    RotationHead(int channels, int cells, float[] mean, float[] scale, float[] weights) {
        int dim = channels * cells;
        if (mean.length != dim || scale.length != dim || weights.length != (dim + 1) * TURNS) {
            throw new IllegalArgumentException("the rotation classifier does not match " + cells + " cells of "
                    + channels + " channels");
        }
        this.channels = channels;
        this.cells = cells;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.wide = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            wide[i] = weights[i];
        }
    }

    /** Reads the arrays kept in a model file; channels from the weights' size and the feature map's cells. */
    static RotationHead of(float[] mean, float[] scale, float[] weights, int cells) {
        if (mean == null || scale == null || weights == null || cells < 1 || mean.length % cells != 0) {
            throw new IllegalArgumentException("it was fitted by an older version of GAN Studio, without the turn "
                    + "check's classifier");
        }
        return new RotationHead(mean.length / cells, cells, mean, scale, weights);
    }

    float[] mean() {
        return mean;
    }

    float[] scale() {
        return scale;
    }

    float[] weights() {
        return weights;
    }

    /** The feature map's side in cells. */
    int grid() {
        return (int) Math.round(Math.sqrt(cells));
    }

    /**
     * Fits the classifier on normal images (CHW each, concatenated; the first ones when there are more than
     * {@link #MAX_FIT_VALUES} allow), deterministically for a seed.
     */
    static RotationHead fit(FAnoGan n, float[] pixels, long seed, BooleanSupplier cancelled) {
        int v = n.imageValues();
        int total = pixels.length / v;
        int dim = 0;
        int cells = 0;
        int count = total;
        float[][] x = null;
        for (int from = 0; from < count; from += FAnoGan.BATCH) {
            check(cancelled);
            int b = Math.min(FAnoGan.BATCH, count - from);
            Turned f = turned(n, pixels, from, b, null);
            if (x == null) {
                // The feature size is known after the first batch; the budget then caps the number of images.
                dim = f.dim();
                cells = f.cells();
                count = (int) Math.min(total, Math.max(1, MAX_FIT_VALUES / ((long) TURNS * dim)));
                b = Math.min(b, count);
                x = new float[count * TURNS][];
            }
            for (int t = 0; t < TURNS; t++) {
                for (int i = 0; i < b; i++) {
                    x[(from + i) * TURNS + t] = Arrays.copyOfRange(f.byTurn()[t], i * dim, (i + 1) * dim);
                }
            }
        }
        float[] mean = new float[dim];
        float[] scale = new float[dim];
        standardisation(x, mean, scale);
        for (float[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = (row[j] - mean[j]) / scale[j];
            }
        }
        float[] w = train(x, dim, seed, cancelled);
        return new RotationHead(dim / cells, cells, mean, scale, w);
    }

    /** D's last hidden map of b images turned by each quarter turn: {@code byTurn[t]} holds b x dim values. */
    record Turned(float[][] byTurn, int dim, int cells) {
    }

    /**
     * D's last hidden map of images {@code from .. from + b} (CHW each, concatenated) under each quarter turn;
     * {@code upright}, when not null, is the map of the images as they are (at least b x dim values), already known.
     */
    static Turned turned(FAnoGan n, float[] pixels, int from, int b, float[] upright) {
        int v = n.imageValues();
        float[][] byTurn = new float[TURNS][];
        int dim = 0;
        int cells = 0;
        for (int t = 0; t < TURNS; t++) {
            if (t == 0 && upright != null) {
                continue;
            }
            float[] batch = new float[b * v];
            for (int i = 0; i < b; i++) {
                float[] img = Arrays.copyOfRange(pixels, (from + i) * v, (from + i + 1) * v);
                System.arraycopy(turn(img, n.model().channels(), n.model().imageSize(), t), 0, batch, i * v, v);
            }
            try (NDManager sub = n.manager().newSubManager()) {
                List<NDArray> stages = n.stages(n.batch(sub, batch, b));
                NDArray last = stages.get(stages.size() - 1);
                long[] s = last.getShape().getShape();
                dim = (int) (s[1] * s[2] * s[3]);
                cells = (int) (s[2] * s[3]);
                byTurn[t] = Arrays.copyOf(last.toFloatArray(), b * dim);
            }
        }
        if (upright != null) {
            byTurn[0] = Arrays.copyOf(upright, b * dim);
        }
        return new Turned(byTurn, dim, cells);
    }

    /** Each channel plane of a CHW image turned by {@code quarter} quarter turns counter-clockwise. */
    static float[] turn(float[] chw, int channels, int size, int quarter) {
        int q = Math.floorMod(quarter, TURNS);
        if (q == 0) {
            return chw.clone();
        }
        int plane = size * size;
        float[] out = new float[chw.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int ty;
                    int tx;
                    switch (q) {
                        case 1 -> {
                            ty = size - 1 - x;
                            tx = y;
                        }
                        case 2 -> {
                            ty = size - 1 - y;
                            tx = size - 1 - x;
                        }
                        default -> {
                            ty = x;
                            tx = size - 1 - y;
                        }
                    }
                    out[c * plane + ty * size + tx] = chw[c * plane + y * size + x];
                }
            }
        }
        return out;
    }

    private static void standardisation(float[][] x, float[] mean, float[] scale) {
        int dim = mean.length;
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        for (float[] row : x) {
            for (int j = 0; j < dim; j++) {
                sum[j] += row[j];
                sq[j] += (double) row[j] * row[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            double m = sum[j] / x.length;
            mean[j] = (float) m;
            scale[j] = (float) (Math.sqrt(Math.max(0, sq[j] / x.length - m * m)) + 1e-6);
        }
    }

    /** Softmax regression by Adam on mini-batches; rows of x are standardised, row r's label is r % TURNS. */
    static float[] train(float[][] x, int dim, long seed, BooleanSupplier cancelled) {
        int rows = dim + 1;
        double[] w = new double[rows * TURNS];
        double[] m = new double[w.length];
        double[] s = new double[w.length];
        double[] g = new double[w.length];
        Rng rng = Rng.derive(seed, 47);
        long step = 0;
        double[] logits = new double[TURNS];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            int[] order = rng.permutation(x.length);
            for (int from = 0; from < order.length; from += BATCH) {
                check(cancelled);
                int b = Math.min(BATCH, order.length - from);
                Arrays.fill(g, 0);
                for (int k = from; k < from + b; k++) {
                    float[] row = x[order[k]];
                    int label = order[k] % TURNS;
                    logitsOf(row, w, dim, logits);
                    softmax(logits);
                    logits[label] -= 1;
                    for (int j = 0; j < dim; j++) {
                        double f = row[j];
                        int at = j * TURNS;
                        for (int t = 0; t < TURNS; t++) {
                            g[at + t] += f * logits[t];
                        }
                    }
                    for (int t = 0; t < TURNS; t++) {
                        g[dim * TURNS + t] += logits[t];
                    }
                }
                step++;
                double corrected = LEARNING_RATE * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
                for (int i = 0; i < w.length; i++) {
                    double grad = g[i] / b + (i < dim * TURNS ? 2 * L2 * w[i] : 0);
                    m[i] = 0.9 * m[i] + 0.1 * grad;
                    s[i] = 0.999 * s[i] + 0.001 * grad * grad;
                    w[i] -= corrected * m[i] / (Math.sqrt(s[i]) + 1e-8);
                }
            }
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) w[i];
        }
        return out;
    }

    private static void logitsOf(float[] row, double[] w, int dim, double[] logits) {
        for (int t = 0; t < TURNS; t++) {
            logits[t] = w[dim * TURNS + t];
        }
        for (int j = 0; j < dim; j++) {
            double f = row[j];
            int at = j * TURNS;
            for (int t = 0; t < TURNS; t++) {
                logits[t] += f * w[at + t];
            }
        }
    }

    /** In place: logits to probabilities. */
    private static void softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int t = 0; t < z.length; t++) {
            z[t] = Math.exp(z[t] - max);
            sum += z[t];
        }
        for (int t = 0; t < z.length; t++) {
            z[t] /= sum;
        }
    }

    /** Scores and cell maps (in the image's own orientation, grid x grid, row-major). */
    record Result(double[] scores, float[][] maps) {
    }

    /**
     * Scores n images (CHW each, concatenated) through D under the four turns; {@code upright}: D's last hidden map
     * of the images as they are.
     */
    Result score(FAnoGan net, float[] pixels, int n, float[] upright) {
        float[][] stages = turned(net, pixels, 0, n, upright).byTurn();
        int dim = channels * cells;
        int g = grid();
        double[] scores = new double[n];
        float[][] maps = new float[n][cells];
        double[] w = wide;
        float[] row = new float[dim];
        double[] p = new double[TURNS];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < TURNS; t++) {
                for (int j = 0; j < dim; j++) {
                    row[j] = (stages[t][i * dim + j] - mean[j]) / scale[j];
                }
                logitsOf(row, w, dim, p);
                double max = Arrays.stream(p).max().orElseThrow();
                double sum = 0;
                for (double z : p) {
                    sum += Math.exp(z - max);
                }
                scores[i] += max + Math.log(sum) - p[t];
                softmax(p);
                p[t] -= 1; // the loss's gradient with respect to the logits
                // Each cell's first-order share of the loss, in the turned image; then turned back.
                float[] cellMap = new float[cells];
                for (int c = 0; c < channels; c++) {
                    for (int k = 0; k < cells; k++) {
                        int j = c * cells + k;
                        double share = 0;
                        for (int u = 0; u < TURNS; u++) {
                            share += w[j * TURNS + u] * p[u];
                        }
                        cellMap[k] += (float) (row[j] * share);
                    }
                }
                float[] back = turn(cellMap, 1, g, -t);
                for (int k = 0; k < cells; k++) {
                    maps[i][k] += Math.max(0, back[k]);
                }
            }
        }
        return new Result(scores, maps);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("fitting the inspection model was cancelled");
        }
    }
}
