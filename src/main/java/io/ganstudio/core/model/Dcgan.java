package io.ganstudio.core.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * DCGAN generator and discriminator (Radford et al. 2015) for every supported image size.
 * Generator: z (as latent x 1 x 1) -> transposed convs doubling the side -> Tanh image in [-1, 1].
 * Discriminator: strided convs halving the side, LeakyReLU 0.2 -> one logit per image.
 */
public final class Dcgan {

    private Dcgan() {
    }

    public static List<LayerSpec> generatorLayers(ModelConfig c) {
        boolean bn = c.normalization() == Normalization.BATCH_NORM;
        int stages = c.upsamplingStages();
        List<LayerSpec> layers = new ArrayList<>();
        int ch = c.generatorWidth() << (stages - 1);
        int size = c.baseSize();
        layers.add(new LayerSpec(LayerSpec.Kind.TRANSPOSED_CONV, c.latentSize(), ch, size, 1, 0, 1, size, bn,
                LayerSpec.Activation.RELU));
        for (int i = 0; i < stages; i++) {
            boolean last = i == stages - 1;
            int out = last ? c.channels() : ch / 2;
            layers.add(new LayerSpec(LayerSpec.Kind.TRANSPOSED_CONV, ch, out, 4, 2, 1, size, size * 2,
                    bn && !last, last ? LayerSpec.Activation.TANH : LayerSpec.Activation.RELU));
            ch = out;
            size *= 2;
        }
        return layers;
    }

    public static List<LayerSpec> discriminatorLayers(ModelConfig c) {
        boolean bn = c.normalization() == Normalization.BATCH_NORM;
        int stages = c.upsamplingStages();
        List<LayerSpec> layers = new ArrayList<>();
        int ch = c.channels();
        int size = c.imageSize();
        for (int i = 0; i < stages; i++) {
            int out = c.discriminatorWidth() << i;
            layers.add(new LayerSpec(LayerSpec.Kind.CONV, ch, out, 4, 2, 1, size, size / 2, bn && i > 0,
                    LayerSpec.Activation.LEAKY_RELU));
            ch = out;
            size /= 2;
        }
        layers.add(new LayerSpec(LayerSpec.Kind.CONV, ch, 1, size, 1, 0, size, 1, false, LayerSpec.Activation.NONE));
        return layers;
    }

    /** Input (batch, latent, 1, 1); output (batch, channels, size, size) in [-1, 1]. */
    public static Block generator(ModelConfig c) {
        SequentialBlock g = new SequentialBlock();
        for (LayerSpec l : generatorLayers(c)) {
            g.add(new TransposedConv2d(l.outChannels(), l.kernel(), l.stride(), l.padding()));
            addNormAndActivation(g, l);
        }
        return g;
    }

    /**
     * Blocks at the end of {@link #discriminator} that turn its features into the logit (the last conv and the
     * flatten): what runs before them are the features that f-AnoGAN compares.
     */
    public static final int DISCRIMINATOR_HEAD_BLOCKS = 2;

    /** Input (batch, channels, size, size); output (batch) of logits. */
    public static Block discriminator(ModelConfig c) {
        SequentialBlock d = new SequentialBlock();
        for (LayerSpec l : discriminatorLayers(c)) {
            d.add(Conv2d.builder()
                    .setKernelShape(new Shape(l.kernel(), l.kernel()))
                    .optStride(new Shape(l.stride(), l.stride()))
                    .optPadding(new Shape(l.padding(), l.padding()))
                    .setFilters(l.outChannels())
                    .optBias(false)
                    .build());
            addNormAndActivation(d, l);
        }
        d.add(Blocks.batchFlattenBlock());
        return d;
    }

    private static void addNormAndActivation(SequentialBlock block, LayerSpec l) {
        if (l.batchNorm()) {
            block.add(BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build());
        }
        switch (l.activation()) {
            case RELU -> block.add(Activation.reluBlock());
            case LEAKY_RELU -> block.add(Activation.leakyReluBlock(0.2f));
            case TANH -> block.add(Activation.tanhBlock());
            case NONE -> { }
        }
    }
}
