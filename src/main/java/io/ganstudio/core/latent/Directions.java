package io.ganstudio.core.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.ConditionalBlocks;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.TransposedConv2d;
import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interpretable directions in z, GANSpace-style (Härkönen et al. 2020): sample many z, run the generator's first
 * block (transposed conv, batch norm, ReLU: the coarse 4x4 layout of the image), find the principal components of
 * those activations, and map each component back to z by least squares (the z direction whose movement best predicts
 * that component's coordinate). The first directions tend to control the largest changes (pose, size, brightness);
 * what each one means depends on the trained model, so the UI should show it rather than name it.
 *
 * <p>PCA runs as a randomized subspace iteration with the big products on the engine (N x D activations, D up to
 * 16k), and the small eigenproblem in Java. Must run on the engine thread that owns the networks.
 */
public final class Directions {

    private static final int ITERATIONS = 20;
    private static final int OVERSAMPLE = 8;
    private static final int CHUNK = 256;

    private Directions() {
    }

    /**
     * @param z                 unit vector in latent space; moving by 1 is one standard deviation of the prior
     * @param explainedVariance share of the first block's activation variance this component explains, in [0, 1]
     */
    public record Direction(int index, float[] z, double explainedVariance) {
    }

    /**
     * @param count   directions wanted (at most the latent size)
     * @param samples z vectors to sample; more is steadier (1,000-5,000 is typical)
     * @param seed    makes the result reproducible
     * @return directions by decreasing explained variance
     */
    public static List<Direction> compute(GanNetworks networks, int count, int samples, long seed) {
        int latent = networks.config().latentSize();
        if (count < 1 || count > latent) {
            throw new IllegalArgumentException("directions must be between 1 and the latent size " + latent
                    + ", not " + count);
        }
        if (samples < 2 * (count + OVERSAMPLE)) {
            throw new IllegalArgumentException("use at least " + 2 * (count + OVERSAMPLE) + " samples for " + count
                    + " directions, not " + samples);
        }
        float[] z = new float[samples * latent];
        Rng.derive(seed, 0xD1EC).fillGaussian(z, 0f, 1f);
        try (NDManager sub = networks.manager().newSubManager()) {
            NDArray y = firstBlock(networks, sub, z, samples);
            y = y.sub(y.mean(new int[] {0}, true));
            int dims = Math.toIntExact(y.getShape().get(1));
            if (count > dims) {
                throw new IllegalArgumentException("this generator's first block has only " + dims + " values per "
                        + "image, so it has at most " + dims + " directions, not " + count);
            }
            int q = Math.min(count + OVERSAMPLE, Math.min(samples, dims));
            double total = y.square().sum().getFloat();
            double[][] basis = subspace(y, sub, dims, q, seed);
            // Rayleigh-Ritz: rotate the basis so its coordinates are uncorrelated, ordered by variance.
            float[] p = y.matMul(PortableOps.create(sub, toFloats(basis), new Shape(dims, q))).toFloatArray(); // N x q
            double[][] gram = new double[q][q];
            for (int n = 0; n < samples; n++) {
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        gram[i][j] += (double) p[n * q + i] * p[n * q + j];
                    }
                }
            }
            double[] variances = new double[q];
            double[][] rotation = SmallLinalg.symmetricEigen(gram, variances);
            return toLatentDirections(z, samples, latent, p, q, rotation, variances, total, count);
        }
    }

    /** The first block's output (after its activation), flattened: samples x D. */
    static NDArray firstBlock(GanNetworks networks, NDManager sub, float[] z, int samples) {
        int latent = networks.config().latentSize();
        // A conditional generator's layers are those of its plain body, whose input is z joined to the class
        // embedding (classes in turn here, so the directions are those of z across all classes).
        ConditionalBlocks.Generator conditional = networks.generator() instanceof ConditionalBlocks.Generator c
                ? c : null;
        Block plain = conditional != null ? conditional.body() : networks.generator();
        List<Block> layers = new ArrayList<>(plain.getChildren().values());
        ParameterStore store = EngineSetup.parameterStore(sub);
        // Each chunk is copied out before the next one starts: MXNet may otherwise run two chunks at once (the
        // studio gives it two workers per context), and oneDNN rewrites the deconvolution weights' layout in place,
        // so the two fail ("Check failed: ... IOLogicalSwapDesc") or read half-rewritten weights.
        float[] all = null;
        int width = 0;
        for (int from = 0; from < samples; from += CHUNK) {
            int n = Math.min(CHUNK, samples - from);
            float[] chunk = Arrays.copyOfRange(z, from * latent, (from + n) * latent);
            NDArray zn = PortableOps.create(sub, chunk, new Shape(n, latent, 1, 1));
            if (conditional != null) {
                zn = conditional.join(store, zn, ConditionalBlocks.oneHot(sub, networks.cycle(n),
                        networks.config().classCount()), false);
            }
            NDList x = new NDList(zn);
            for (int i = 0; i < layers.size() && (i == 0 || !(layers.get(i) instanceof TransposedConv2d)); i++) {
                x = layers.get(i).forward(store, x, false);
            }
            float[] values = x.singletonOrThrow().toFloatArray();
            if (all == null) {
                width = values.length / n;
                all = new float[samples * width];
            }
            System.arraycopy(values, 0, all, from * width, values.length);
        }
        return PortableOps.create(sub, all, new Shape(samples, width));
    }

    private static double[][] subspace(NDArray y, NDManager sub, int dims, int q, long seed) {
        double[][] basis = new double[dims][q];
        Rng rng = Rng.derive(seed, 0xBA5E);
        for (double[] row : basis) {
            for (int j = 0; j < q; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        SmallLinalg.orthonormalizeColumns(basis);
        NDArray yt = y.transpose();
        for (int it = 0; it < ITERATIONS; it++) {
            NDArray b = PortableOps.create(sub, toFloats(basis), new Shape(dims, q));
            float[] next = yt.matMul(y.matMul(b)).toFloatArray();
            for (int i = 0; i < dims; i++) {
                for (int j = 0; j < q; j++) {
                    basis[i][j] = next[i * q + j];
                }
            }
            SmallLinalg.orthonormalizeColumns(basis);
        }
        return basis;
    }

    private static List<Direction> toLatentDirections(float[] z, int samples, int latent, float[] p, int q,
                                                      double[][] rotation, double[] variances, double total,
                                                      int count) {
        double[] zMean = new double[latent];
        for (int n = 0; n < samples; n++) {
            for (int l = 0; l < latent; l++) {
                zMean[l] += z[n * latent + l] / samples;
            }
        }
        List<Direction> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            // Least squares from the component's coordinate x (uncorrelated with the others) to z: u = Z^T x / x^T x.
            double[] u = new double[latent];
            for (int n = 0; n < samples; n++) {
                double x = 0;
                for (int i = 0; i < q; i++) {
                    x += p[n * q + i] * rotation[i][c];
                }
                for (int l = 0; l < latent; l++) {
                    u[l] += x * (z[n * latent + l] - zMean[l]);
                }
            }
            out.add(new Direction(c, unitWithFixedSign(u), total > 0 ? variances[c] / total : 0));
        }
        return out;
    }

    /** Unit length, and the largest component positive, so the same model always gives the same signs. */
    private static float[] unitWithFixedSign(double[] u) {
        double norm = 0;
        int largest = 0;
        for (int i = 0; i < u.length; i++) {
            norm += u[i] * u[i];
            if (Math.abs(u[i]) > Math.abs(u[largest])) {
                largest = i;
            }
        }
        norm = Math.sqrt(norm) * Math.signum(u[largest]);
        float[] out = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = norm == 0 ? 0f : (float) (u[i] / norm);
        }
        return out;
    }

    private static float[] toFloats(double[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) m[i][j];
            }
        }
        return out;
    }
}
