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
import io.ganstudio.core.train.Rng;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator and discriminator of one run, initialised and ready to train or sample. Owns their memory.
 * Weights start from N(0, 0.02) and batch-norm scales from N(1, 0.02), drawn from the run's seed on the Java side
 * so that the same seed gives the same network on every machine.
 */
public final class GanNetworks implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;
    private final Block generator;
    private final Block discriminator;
    private final ParameterStore store;

    public GanNetworks(ModelConfig config, NDManager parent, long seed) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.generator = Dcgan.generator(config);
        this.discriminator = Dcgan.discriminator(config);
        generator.initialize(manager, DataType.FLOAT32, new Shape(2, config.latentSize(), 1, 1));
        discriminator.initialize(manager, DataType.FLOAT32,
                new Shape(2, config.channels(), config.imageSize(), config.imageSize()));
        Rng rng = Rng.derive(seed, 1);
        initWeights(generator, rng);
        initWeights(discriminator, rng);
        this.store = new ParameterStore(manager, false);
    }

    private static void initWeights(Block block, Rng rng) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            NDArray a = param.getArray();
            float[] values = new float[Math.toIntExact(a.size())];
            switch (param.getType()) {
                case WEIGHT -> rng.fillGaussian(values, 0f, 0.02f);
                case GAMMA -> rng.fillGaussian(values, 1f, 0.02f);
                case RUNNING_VAR -> java.util.Arrays.fill(values, 1f);
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

    /** G(z): z is (n, latent, 1, 1). */
    public NDArray generate(NDArray z, boolean training) {
        return generator.forward(store, new NDList(z), training).singletonOrThrow();
    }

    /** D(x): logits, shape (n). */
    public NDArray discriminate(NDArray images, boolean training) {
        return discriminator.forward(store, new NDList(images), training).singletonOrThrow().reshape(-1);
    }

    /**
     * D's features before its last layer (the output of its last hidden block), flattened to (n, features): what
     * f-AnoGAN's feature loss compares. Runs the same blocks as {@link #discriminate}, without the head.
     */
    public NDArray discriminatorFeatures(NDArray images, boolean training) {
        java.util.List<Block> blocks = discriminator.getChildren().values();
        NDList x = new NDList(images);
        for (int i = 0; i < blocks.size() - Dcgan.DISCRIMINATOR_HEAD_BLOCKS; i++) {
            x = blocks.get(i).forward(store, x, training);
        }
        return x.singletonOrThrow().reshape(images.getShape().get(0), -1);
    }

    /**
     * Generates images from latent vectors with batch norm's running statistics (no autograd needed).
     *
     * @param latents n * latentSize values
     * @return n images, NCHW, values in [-1, 1]
     */
    public float[] sample(float[] latents, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray z = sub.create(latents, new Shape(n, config.latentSize(), 1, 1));
            return generate(z, false).toFloatArray();
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

    /** Loads only the generator, for exploring a checkpoint. */
    public void importGenerator(Map<String, float[]> weights) {
        importInto("g.", generator.getParameters(), weights);
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
