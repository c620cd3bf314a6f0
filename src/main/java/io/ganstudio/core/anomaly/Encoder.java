package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.Dcgan;
import io.ganstudio.core.model.LayerSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.random.Rng;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * f-AnoGAN's encoder E: image -> latent vector. Shaped like the run's discriminator (the same strided convs and
 * LeakyReLU 0.2), but without batch norm (so an image's code never depends on its batch, and E trains while G and D
 * run in inference mode) and with a linear output of the latent size instead of the one logit.
 */
final class Encoder implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;

    Encoder(ModelConfig config, NDManager parent, long seed) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.block = build(config);
        block.initialize(manager, DataType.FLOAT32,
                new Shape(2, config.channels(), config.imageSize(), config.imageSize()));
        Rng rng = Rng.derive(seed, 11);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(a.size())];
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                rng.fillGaussian(values, 0f, 0.02f);
            }
            a.set(values);
        }
        this.store = EngineSetup.parameterStore(manager);
    }

    private static Block build(ModelConfig c) {
        SequentialBlock e = new SequentialBlock();
        Dcgan.addPadToNetwork(e, c); // the layers are the discriminator's: they expect its padded input
        List<LayerSpec> layers = Dcgan.discriminatorLayers(c);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            boolean last = i == layers.size() - 1;
            e.add(Conv2d.builder()
                    .setKernelShape(new Shape(l.kernel(), l.kernel()))
                    .optStride(new Shape(l.stride(), l.stride()))
                    .optPadding(new Shape(l.padding(), l.padding()))
                    .setFilters(last ? c.latentSize() : l.outChannels())
                    .optBias(last)
                    .build());
            if (!last) {
                e.add(Activation.leakyReluBlock(0.2f));
            }
        }
        e.add(Blocks.batchFlattenBlock());
        return e;
    }

    /** E(x) as (n, latent, 1, 1), ready for the generator. */
    NDArray encode(NDArray images) {
        NDArray z = block.forward(store, new NDList(images), false).singletonOrThrow();
        return z.reshape(images.getShape().get(0), config.latentSize(), 1, 1);
    }

    NDManager manager() {
        return manager;
    }

    PairList<String, Parameter> parameters() {
        return block.getParameters();
    }

    Map<String, float[]> exportWeights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        block.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return out;
    }

    void importWeights(Map<String, float[]> weights) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] v = weights.get(p.getKey());
            NDArray a = p.getValue().getArray();
            if (v == null || v.length != a.size()) {
                throw new IllegalArgumentException("the encoder file does not fit this run's model ("
                        + p.getKey() + (v == null ? " is missing" : " has " + v.length + " values, not " + a.size())
                        + "); fit the encoder again");
            }
            a.set(v);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
