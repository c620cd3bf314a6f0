package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator and discriminator of one run, initialised and ready to train or sample. Owns their memory.
 * Weights start from N(0, 0.02) and batch-norm scales from N(1, 0.02), drawn from the run's seed on the Java side
 * so that the same seed gives the same network on every machine.
 */
public final class GanNetworks implements AutoCloseable {

    /** Prefix of the generator's weight average in checkpoints, beside "g." (trained) and "d.". */
    public static final String AVERAGE_PREFIX = "e.";

    private final ModelConfig config;
    private final NDManager manager;
    private final Block generator;
    private final List<TransposedConv2d> resizeConvolutions = new ArrayList<>();
    private final Block discriminator;
    private final ParameterStore store;

    public GanNetworks(ModelConfig config, NDManager parent, long seed) {
        this.config = config;
        this.manager = parent.newSubManager();
        int classes = config.classCount();
        Shape latent = new Shape(2, config.latentSize(), 1, 1);
        Shape images = new Shape(2, config.channels(), config.imageSize(), config.imageSize());
        if (classes > 0) {
            List<LayerSpec> dLayers = Dcgan.discriminatorLayers(config);
            this.generator = new ConditionalBlocks.Generator(Dcgan.generator(config), classes, config.latentSize());
            this.discriminator = new ConditionalBlocks.Discriminator(Dcgan.discriminator(config), classes,
                    dLayers.get(dLayers.size() - 2).outChannels());
            Shape oneHot = new Shape(2, classes);
            generator.initialize(manager, DataType.FLOAT32, latent, oneHot);
            discriminator.initialize(manager, DataType.FLOAT32, images, oneHot);
        } else {
            this.generator = Dcgan.generator(config);
            this.discriminator = Dcgan.discriminator(config);
            generator.initialize(manager, DataType.FLOAT32, latent);
            discriminator.initialize(manager, DataType.FLOAT32, images);
        }
        collectResizeConvolutions(generator);
        Rng rng = Rng.derive(seed, 1);
        initWeights(generator, rng);
        initWeights(discriminator, rng);
        this.store = EngineSetup.parameterStore(manager);
    }

    private static void initWeights(Block block, Rng rng) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            NDArray a = param.getArray();
            float[] values = new float[Math.toIntExact(a.size())];
            switch (param.getType()) {
                case WEIGHT -> rng.fillGaussian(values, 0f, 0.02f);
                case GAMMA -> rng.fillGaussian(values, 1f, 0.02f);
                case RUNNING_VAR -> Arrays.fill(values, 1f);
                case OTHER -> rng.fillGaussian(values, 0f, 1f); // spectral normalisation's power-iteration vector
                default -> { } // biases, betas and running means start at zero
            }
            a.set(values);
        }
    }

    public ModelConfig config() {
        return config;
    }

    public Block generator() {
        return generator;
    }

    public Block discriminator() {
        return discriminator;
    }

    public NDManager manager() {
        return manager;
    }

    private void collectResizeConvolutions(Block block) {
        for (Pair<String, Block> child : block.getChildren()) {
            if (child.getValue() instanceof TransposedConv2d t && t.resize()) {
                resizeConvolutions.add(t);
            }
            collectResizeConvolutions(child.getValue());
        }
    }

    /**
     * Call after every backward pass that trains G, before its optimizer steps: a generator with resize
     * convolutions hands their kernels' gradients on (see {@link TransposedConv2d}); others have nothing to do.
     */
    public void passGeneratorGradients() {
        for (TransposedConv2d t : resizeConvolutions) {
            t.passGradient();
        }
    }

    /** Spectral normalisation (when on) refines its estimate once in the discriminator's next training pass. */
    public void armPowerIteration() {
        Block plain = discriminator instanceof ConditionalBlocks.Discriminator c ? c.body() : discriminator;
        for (Pair<String, Block> child : plain.getChildren()) {
            if (child.getValue() instanceof SpectralConv2d sn) {
                sn.armPowerIteration();
            }
        }
    }

    /** Whether the networks take a class (see {@link ModelConfig#conditional()}). */
    public boolean conditional() {
        return config.classCount() > 0;
    }

    /** G(z): z is (n, latent, 1, 1). A conditional generator draws its classes in turn (0, 1, 2, ...). */
    public NDArray generate(NDArray z, boolean training) {
        return generate(z, conditional() ? cycle((int) z.getShape().get(0)) : null, training);
    }

    /** G(z, class): labels is one class index per row of z; null for an unconditional generator. */
    public NDArray generate(NDArray z, int[] labels, boolean training) {
        return generator.forward(store, inputs(z, labels), training).singletonOrThrow();
    }

    /** D(x): logits, shape (n). */
    public NDArray discriminate(NDArray images, boolean training) {
        return discriminate(images, null, training);
    }

    /** D(x, class): logits, shape (n); labels is null for an unconditional discriminator. */
    public NDArray discriminate(NDArray images, int[] labels, boolean training) {
        return discriminator.forward(store, inputs(images, labels), training).get(0).reshape(-1);
    }

    /**
     * D(x, class) of a conditional discriminator with its class logits: the logits (n) and the class logits
     * (n, classes), the projection embedding's inner product with the features for every class.
     */
    public NDList discriminateWithClasses(NDArray images, int[] labels, boolean training) {
        NDList out = discriminator.forward(store, inputs(images, labels), training);
        return new NDList(out.get(0).reshape(-1), out.get(1));
    }

    private NDList inputs(NDArray x, int[] labels) {
        if (!conditional()) {
            return new NDList(x);
        }
        if (labels == null || labels.length != x.getShape().get(0)) {
            throw new IllegalArgumentException("a conditional network needs one class per image");
        }
        return new NDList(x, ConditionalBlocks.oneHot(x.getManager(), labels, config.classCount()));
    }

    /** Classes 0, 1, ..., K-1, 0, 1, ... for n images: a balanced mix where no class is asked for. */
    public int[] cycle(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % config.classCount();
        }
        return labels;
    }

    /**
     * D's features before its last layer (the output of its last hidden block), flattened to (n, features): what
     * f-AnoGAN's feature loss compares. Runs the same blocks as {@link #discriminate}, without the head.
     */
    public NDArray discriminatorFeatures(NDArray images, boolean training) {
        // A conditional D's features are its plain body's (the projection head is part of the head).
        Block plain = discriminator instanceof ConditionalBlocks.Discriminator c ? c.body() : discriminator;
        List<Block> blocks = plain.getChildren().values();
        NDList x = new NDList(images);
        for (int i = 0; i < blocks.size() - Dcgan.DISCRIMINATOR_HEAD_BLOCKS; i++) {
            x = blocks.get(i).forward(store, x, training);
        }
        return x.singletonOrThrow().reshape(images.getShape().get(0), -1);
    }

    /**
     * D's hidden stages: the output of every hidden layer (convolution, normalisation, activation) of the features
     * that {@link #discriminatorFeatures} flattens, each (n, channels, height, width), coarsest last. The inspection
     * methods read their per-position statistics from these maps.
     */
    public List<NDArray> discriminatorStages(NDArray images, boolean training) {
        Block plain = discriminator instanceof ConditionalBlocks.Discriminator c ? c.body() : discriminator;
        List<Block> blocks = plain.getChildren().values();
        int body = blocks.size() - Dcgan.DISCRIMINATOR_HEAD_BLOCKS;
        List<NDArray> stages = new ArrayList<>();
        NDList x = new NDList(images);
        boolean convolved = false;
        for (int i = 0; i < body; i++) {
            Block b = blocks.get(i);
            convolved |= isConvolution(b);
            x = b.forward(store, x, training);
            if (convolved && (i == body - 1 || isConvolution(blocks.get(i + 1)))) {
                stages.add(x.singletonOrThrow());
            }
        }
        return stages;
    }

    private static boolean isConvolution(Block b) {
        return b instanceof ai.djl.nn.convolutional.Convolution || b instanceof SpectralConv2d;
    }

    /**
     * Generates images from latent vectors with batch norm's running statistics (no autograd needed).
     *
     * @param latents n * latentSize values
     * @return n images, NCHW, values in [-1, 1]
     */
    public float[] sample(float[] latents, int n) {
        return sample(latents, conditional() ? cycle(n) : null, n);
    }

    /** As {@link #sample(float[], int)} with one class per image (null for an unconditional generator). */
    public float[] sample(float[] latents, int[] labels, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray z = PortableOps.create(sub, latents, new Shape(n, config.latentSize(), 1, 1));
            return generate(z, labels, false).toFloatArray();
        }
    }

    /**
     * A conditional generator's images for a mix of classes: {@code classWeights} holds n rows of classCount()
     * weights (a one-hot row is one class; (1-t, t) between two classes blends their embeddings linearly, the same
     * z throughout when the rows share it).
     */
    public float[] sampleBlend(float[] latents, float[] classWeights, int n) {
        if (!conditional()) {
            throw new IllegalArgumentException("this generator has no classes");
        }
        int classes = config.classCount();
        if (classWeights.length != n * classes) {
            throw new IllegalArgumentException(n + " images of " + classes + " classes need " + n * classes
                    + " class weights, not " + classWeights.length);
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray z = PortableOps.create(sub, latents, new Shape(n, config.latentSize(), 1, 1));
            NDArray w = PortableOps.create(sub, classWeights, new Shape(n, classes));
            return generator.forward(store, new NDList(z, w), false).singletonOrThrow().toFloatArray();
        }
    }

    /** All parameters of both networks by name ("g." / "d." prefixes), running statistics included. */
    public Map<String, float[]> exportWeights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        generator.getParameters().forEach(p -> out.put("g." + p.getKey(), p.getValue().getArray().toFloatArray()));
        discriminator.getParameters().forEach(p -> out.put("d." + p.getKey(),
                p.getValue().getArray().toFloatArray()));
        return out;
    }

    /** Loads weights written by {@link #exportWeights()}; every parameter must be present with the right size. */
    public void importWeights(Map<String, float[]> weights) {
        importInto("g.", generator.getParameters(), weights);
        importInto("d.", discriminator.getParameters(), weights);
    }

    /**
     * Loads only the generator, for sampling and exploring a checkpoint: its weight average when the checkpoint
     * has one (it gives the better samples), otherwise the trained weights.
     */
    public void importGenerator(Map<String, float[]> weights) {
        boolean averaged = weights.keySet().stream().anyMatch(k -> k.startsWith(AVERAGE_PREFIX));
        importInto(averaged ? AVERAGE_PREFIX : "g.", generator.getParameters(), weights);
    }

    private static void importInto(String prefix, PairList<String, Parameter> params, Map<String, float[]> weights) {
        for (Pair<String, Parameter> p : params) {
            float[] v = weights.get(prefix + p.getKey());
            NDArray a = p.getValue().getArray();
            if (v == null) {
                throw new IllegalArgumentException("checkpoint has no values for " + prefix + p.getKey());
            }
            if (v.length != a.size()) {
                throw new IllegalArgumentException("checkpoint values for " + prefix + p.getKey() + " have "
                        + v.length + " numbers, the model needs " + a.size());
            }
            a.set(v);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
