package io.ganstudio.core.latent;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.ConditionalBlocks;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Finds the z whose image is closest to a given image (GAN inversion by optimisation, as the StyleGAN projector and
 * Zhu et al. 2016 do): several random z are scored, the best few are refined together by Adam on z, and the best
 * at the end wins. The loss is the pixels' mean squared error, plus the discriminator's last hidden features'
 * squared error (relative to the target's), plus a prior (|z|^2 / d - 1)^2 that keeps z as long as typical noise.
 *
 * <p>Gradients flow to z through the networks with batch norm frozen at its running statistics (MXNet's batch norm
 * must run in training mode under autograd, so each batch-norm layer is applied as its fixed affine map instead).
 * Runs on the calling thread; the networks must be this projector's own (one batch shape per network instance).
 */
public final class Projector implements AutoCloseable {

    /** Candidates refined together: also the one batch size the networks ever see here. */
    public static final int PARALLEL = 4;
    private static final float BN_EPS = 1e-5f;

    /**
     * @param steps         Adam steps on z
     * @param starts        random z scored before refining (rounded up to a multiple of {@link #PARALLEL})
     * @param learningRate  Adam's step size on z
     * @param featureWeight weight of the discriminator-feature term (0: pixels only)
     * @param priorWeight   weight of the prior on |z|
     * @param seed          seed of the random starts
     */
    public record Settings(int steps, int starts, float learningRate, float featureWeight, float priorWeight,
                           long seed) {
        public static Settings defaults() {
            return new Settings(300, 64, 0.05f, 0.1f, 0.05f, 0);
        }

        public Settings withSteps(int n) {
            return new Settings(n, starts, learningRate, featureWeight, priorWeight, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(steps, starts, learningRate, featureWeight, priorWeight, s);
        }
    }

    /** Progress after each step: steps done, the best candidate's loss and its pixel error. */
    public interface Progress {
        void step(int done, int total, double loss, double pixelError);

        /** Whether {@link #best} should be called after each step (copying the image costs a little). */
        default boolean wantsBest() {
            return false;
        }

        /** The best candidate after a step: its z and its image (CHW floats in [-1, 1]), to show it converge. */
        default void best(int done, float[] z, float[] image) {
        }
    }

    /**
     * @param z          the found latent vector
     * @param label      its class (conditional models; -1 otherwise)
     * @param image      its image, CHW floats in [-1, 1]
     * @param pixelError mean squared pixel error (values in [-1, 1]) of the found image against the target
     * @param startError the same for the best random start, before refining
     * @param losses     the best candidate's total loss after each step
     * @param pixelErrors its pixel error after each step
     */
    public record Result(float[] z, int label, float[] image, double pixelError, double startError, double[] losses,
                         double[] pixelErrors) {
    }

    private final GanNetworks networks;
    private final ModelConfig model;
    private final ParameterStore store;
    private final List<Block> generatorLayers;
    private final List<Block> discriminatorLayers;
    private final NDManager manager;
    private final Map<BatchNorm, NDArray[]> frozen = new IdentityHashMap<>();

    public Projector(GanNetworks networks) {
        this.networks = networks;
        this.model = networks.config();
        this.manager = networks.manager().newSubManager();
        this.store = EngineSetup.parameterStore(manager);
        Block g = networks.generator();
        this.generatorLayers = new ArrayList<>(
                (g instanceof ConditionalBlocks.Generator c ? c.body() : g).getChildren().values());
        Block d = networks.discriminator();
        List<Block> dl = new ArrayList<>(
                (d instanceof ConditionalBlocks.Discriminator c ? c.body() : d).getChildren().values());
        this.discriminatorLayers = dl.subList(0, dl.size() - 2); // up to the last hidden features
    }

    /**
     * @param target CHW floats in [-1, 1] of the model's size and channels
     * @param label  the class for a conditional model, or -1 to let the random starts try every class (the
     *               best few, of any class, are refined); ignored for an unconditional model
     */
    public Result project(float[] target, int label, Settings s, Progress progress, BooleanSupplier cancelled) {
        int d = model.latentSize();
        int imageFloats = model.channels() * model.imageSize() * model.imageSize();
        if (target.length != imageFloats) {
            throw new IllegalArgumentException("the image has " + target.length + " values, the model makes "
                    + imageFloats);
        }
        int k = model.classCount();
        if (k > 0 && label >= k) {
            throw new IllegalArgumentException("class " + label + " is not one of the model's " + k);
        }
        boolean anyClass = k > 0 && label < 0;
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = PortableOps.create(sub, repeat(target, PARALLEL),
                    new Shape(PARALLEL, model.channels(), model.imageSize(), model.imageSize()));
            NDArray targetFeatures = Autograd.unrecorded(() -> features(x));
            NDArray featureScale = Autograd.unrecorded(() -> targetFeatures.square().mean().add(1e-8f));
            // Score the random starts in batches of PARALLEL and keep the best PARALLEL of them.
            Rng rng = Rng.derive(s.seed(), 17);
            int batches = Math.max(1, (s.starts() + PARALLEL - 1) / PARALLEL);
            float[][] all = new float[batches * PARALLEL][];
            double[] allLoss = new double[all.length];
            int[] allLabels = new int[all.length];
            for (int b = 0; b < batches; b++) {
                float[] zs = new float[PARALLEL * d];
                rng.fillGaussian(zs, 0f, 1f);
                int[] startLabels = new int[PARALLEL];
                for (int i = 0; i < PARALLEL; i++) {
                    startLabels[i] = anyClass ? (b * PARALLEL + i) % k : Math.max(label, 0);
                    allLabels[b * PARALLEL + i] = startLabels[i];
                }
                float[] l = Autograd.unrecorded(() -> {
                    try (NDManager m = sub.newSubManager()) {
                        NDArray z = PortableOps.create(m, zs, new Shape(PARALLEL, d, 1, 1));
                        return lossParts(z, x, targetFeatures, featureScale, startLabels, s)[0].toFloatArray();
                    }
                });
                for (int i = 0; i < PARALLEL; i++) {
                    all[b * PARALLEL + i] = Arrays.copyOfRange(zs, i * d, (i + 1) * d);
                    allLoss[b * PARALLEL + i] = l[i];
                }
            }
            Integer[] order = new Integer[all.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(allLoss[a], allLoss[b]));
            float[] z = new float[PARALLEL * d];
            int[] labels = new int[PARALLEL];
            for (int i = 0; i < PARALLEL; i++) {
                System.arraycopy(all[order[i]], 0, z, i * d, d);
                labels[i] = allLabels[order[i]];
            }
            // Adam on z, all candidates at once (their losses are independent: no batch statistics).
            float[] m1 = new float[z.length];
            float[] m2 = new float[z.length];
            double[] losses = new double[s.steps()];
            double[] pixels = new double[s.steps()];
            double startError = Double.NaN;
            float[] lastTotal = null;
            float[] lastPixel = null;
            for (int t = 0; t <= s.steps(); t++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("projection cancelled");
                }
                try (NDManager m = sub.newSubManager()) {
                    NDArray zArr = PortableOps.create(m, z, new Shape(PARALLEL, d, 1, 1));
                    zArr.setRequiresGradient(true);
                    NDArray[] parts;
                    float[] grad;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        parts = lossParts(zArr, x, targetFeatures, featureScale, labels, s);
                        gc.backward(parts[0].sum());
                    }
                    grad = zArr.getGradient().toFloatArray();
                    lastTotal = parts[0].toFloatArray();
                    lastPixel = parts[1].toFloatArray();
                    int best = argMin(lastTotal);
                    if (t == 0) {
                        startError = lastPixel[best];
                    } else {
                        losses[t - 1] = lastTotal[best];
                        pixels[t - 1] = lastPixel[best];
                        if (progress != null) {
                            progress.step(t, s.steps(), lastTotal[best], lastPixel[best]);
                            if (progress.wantsBest()) {
                                progress.best(t, Arrays.copyOfRange(z, best * d, (best + 1) * d),
                                        parts[2].get(best).toFloatArray());
                            }
                        }
                    }
                    if (t == s.steps()) {
                        break;
                    }
                    adam(z, grad, m1, m2, t + 1, s.learningRate());
                }
            }
            int best = argMin(lastTotal);
            float[] bestZ = Arrays.copyOfRange(z, best * d, (best + 1) * d);
            int[] bestLabels = new int[PARALLEL];
            Arrays.fill(bestLabels, labels[best]);
            float[] images = networks.sample(repeat(bestZ, PARALLEL), k > 0 ? bestLabels : null, PARALLEL);
            float[] image = Arrays.copyOf(images, imageFloats);
            return new Result(bestZ, k > 0 ? labels[best] : -1, image, lastPixel[best], startError, losses, pixels);
        }
    }

    /**
     * Networks for projecting from a checkpoint read in full (the discriminator's weights are needed): the
     * generator's weight average when the checkpoint has one.
     */
    public static GanNetworks networksFor(LoadedCheckpoint full, NDManager parent) {
        GanNetworks n = new GanNetworks(full.config().model(), parent, full.config().train().seed());
        try {
            n.importWeights(full.state().weights());
            n.importGenerator(full.state().weights());
            return n;
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }

    /** Mean squared pixel error of each image against the target (both CHW in [-1, 1]). */
    public static double pixelError(float[] image, int offset, float[] target) {
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            double e = image[offset + i] - target[i];
            sum += e * e;
        }
        return sum / target.length;
    }

    /** Per candidate: (total loss, pixel error), each shape (PARALLEL), and the candidates' images. */
    private NDArray[] lossParts(NDArray z, NDArray x, NDArray targetFeatures, NDArray featureScale, int[] labels,
                                Settings s) {
        NDArray image = generate(z, labels);
        NDArray pixel = PortableOps.mean(image.sub(x).square(), false, 1, 2, 3);
        NDArray total = pixel;
        if (s.featureWeight() > 0) {
            NDArray f = features(image);
            total = total.add(PortableOps.mul(PortableOps.mean(f.sub(targetFeatures).square(), false, 1, 2, 3)
                    .div(featureScale), s.featureWeight()));
        }
        NDArray prior = PortableOps.mul(PortableOps.mean(z.square(), false, 1, 2, 3).sub(1f).square(), s.priorWeight());
        return new NDArray[] {total.add(prior), pixel, image};
    }

    private NDArray generate(NDArray z, int[] labels) {
        NDArray h = z;
        if (networks.generator() instanceof ConditionalBlocks.Generator c) {
            h = c.join(store, z, ConditionalBlocks.oneHot(z.getManager(), labels, model.classCount()), true);
        }
        return run(generatorLayers, h);
    }

    private NDArray features(NDArray images) {
        return run(discriminatorLayers, images);
    }

    /** The layers in order, in training mode (autograd needs it) but with batch norm fixed at its running statistics. */
    private NDArray run(List<Block> layers, NDArray input) {
        NDArray h = input;
        for (Block layer : layers) {
            if (layer instanceof BatchNorm bn) {
                h = frozenBatchNorm(bn, h);
            } else {
                h = layer.forward(store, new NDList(h), true).singletonOrThrow();
            }
        }
        return h;
    }

    /** Batch norm at its running statistics as a fixed affine map (scale, shift), computed once per layer. */
    private NDArray frozenBatchNorm(BatchNorm bn, NDArray h) {
        NDArray[] affine = frozen.computeIfAbsent(bn, k -> Autograd.unrecorded(() -> {
            NDArray gamma = null;
            NDArray beta = null;
            NDArray mean = null;
            NDArray var = null;
            for (Pair<String, Parameter> p : k.getParameters()) {
                NDArray a = p.getValue().getArray().duplicate();
                a.attach(manager);
                switch (p.getValue().getType()) {
                    case GAMMA -> gamma = a;
                    case BETA -> beta = a;
                    case RUNNING_MEAN -> mean = a;
                    case RUNNING_VAR -> var = a;
                    default -> { }
                }
            }
            NDArray scale = gamma.div(var.add(BN_EPS).sqrt());
            NDArray shift = beta.sub(mean.mul(scale));
            return new NDArray[] {scale.reshape(1, -1, 1, 1), shift.reshape(1, -1, 1, 1)};
        }));
        return h.mul(affine[0]).add(affine[1]);
    }

    /** Frees this projector's own arrays (not the networks). */
    @Override
    public void close() {
        manager.close();
    }

    private static void adam(float[] z, float[] g, float[] m1, float[] m2, int t, float lr) {
        float b1 = 0.9f;
        float b2 = 0.999f;
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        for (int i = 0; i < z.length; i++) {
            m1[i] = b1 * m1[i] + (1 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i];
            z[i] -= (float) (lr * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8));
        }
    }

    private static int argMin(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] repeat(float[] v, int n) {
        float[] out = new float[v.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, 0, out, i * v.length, v.length);
        }
        return out;
    }
}
