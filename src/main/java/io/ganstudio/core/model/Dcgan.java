package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

import java.util.ArrayList;
import java.util.List;

/**
 * DCGAN generator and discriminator (Radford et al. 2015) for every supported image size.
 * Generator: z (as latent x 1 x 1) -> transposed convs (or resize convs, {@link Upsampling}) doubling the side ->
 * Tanh image in [-1, 1].
 * Discriminator: strided convs halving the side, LeakyReLU 0.2 -> one logit per image.
 * With batch norm no layer has a bias, as in the reference (batch norm's beta makes it redundant); without batch
 * norm ({@code --norm none}) every layer has one, or G(0) would be a flat grey image whatever was learnt.
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
                LayerSpec.Activation.RELU, !bn));
        boolean resize = c.upsampling() == Upsampling.RESIZE_CONV;
        for (int i = 0; i < stages; i++) {
            boolean last = i == stages - 1;
            int out = last ? c.channels() : ch / 2;
            layers.add(new LayerSpec(resize ? LayerSpec.Kind.RESIZE_CONV : LayerSpec.Kind.TRANSPOSED_CONV, ch, out,
                    resize ? 3 : 4, 2, 1, size, size * 2, bn && !last,
                    last ? LayerSpec.Activation.TANH : LayerSpec.Activation.RELU, !bn));
            ch = out;
            size *= 2;
        }
        return layers;
    }

    public static List<LayerSpec> discriminatorLayers(ModelConfig c) {
        // Spectral normalisation takes batch norm's place in the discriminator (as in SN-GAN).
        boolean bn = c.normalization() == Normalization.BATCH_NORM && !c.spectralNorm();
        int stages = c.upsamplingStages();
        List<LayerSpec> layers = new ArrayList<>();
        int ch = c.channels();
        int size = c.networkSize();
        for (int i = 0; i < stages; i++) {
            int out = c.discriminatorWidth() << i;
            layers.add(new LayerSpec(LayerSpec.Kind.CONV, ch, out, 4, 2, 1, size, size / 2, bn && i > 0,
                    LayerSpec.Activation.LEAKY_RELU, !bn));
            ch = out;
            size /= 2;
        }
        layers.add(new LayerSpec(LayerSpec.Kind.CONV, ch, 1, size, 1, 0, size, 1, false, LayerSpec.Activation.NONE,
                !bn));
        return layers;
    }

    /** Input (batch, latent, 1, 1); output (batch, channels, size, size) in [-1, 1]. */
    public static Block generator(ModelConfig c) {
        SequentialBlock g = new SequentialBlock();
        for (LayerSpec l : generatorLayers(c)) {
            g.add(l.kind() == LayerSpec.Kind.RESIZE_CONV
                    ? new TransposedConv2d(l.outChannels(), 4, 2, 1, l.bias(), true)
                    : new TransposedConv2d(l.outChannels(), l.kernel(), l.stride(), l.padding(), l.bias()));
            addNormAndActivation(g, l);
        }
        int m = c.networkMargin();
        if (m > 0) {
            String window = ":, :, " + m + ":" + (m + c.imageSize()) + ", " + m + ":" + (m + c.imageSize());
            g.add(LambdaBlock.singleton(x -> x.get(window), "cropToImage"));
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
        addPadToNetwork(d, c);
        for (LayerSpec l : discriminatorLayers(c)) {
            if (c.spectralNorm()) {
                d.add(new SpectralConv2d(l.outChannels(), l.kernel(), l.stride(), l.padding(), l.bias()));
                addNormAndActivation(d, l);
                continue;
            }
            d.add(Conv2d.builder()
                    .setKernelShape(new Shape(l.kernel(), l.kernel()))
                    .optStride(new Shape(l.stride(), l.stride()))
                    .optPadding(new Shape(l.padding(), l.padding()))
                    .setFilters(l.outChannels())
                    .optBias(l.bias())
                    .build());
            addNormAndActivation(d, l);
        }
        d.add(Blocks.batchFlattenBlock());
        return d;
    }

    /**
     * For images smaller than the networks (28x28 images on the 32x32 networks): adds the block that surrounds the
     * image with black (-1) up to the network's size, as the generator's crop removes it, so that the discriminator,
     * and every network shaped like it (f-AnoGAN's encoder), sees a zero-padded image. Adds nothing when the sizes
     * agree.
     */
    public static void addPadToNetwork(SequentialBlock block, ModelConfig c) {
        int m = c.networkMargin();
        if (m > 0) {
            block.add(LambdaBlock.singleton(x -> padBlack(x, m), "padToNetwork"));
        }
    }

    /** x surrounded by m pixels of -1 (black) on every side; DJL's MXNet engine has no pad operator. */
    private static NDArray padBlack(NDArray x, int m) {
        Shape s = x.getShape();
        NDManager nd = x.getManager();
        NDArray sides = nd.full(new Shape(s.get(0), s.get(1), s.get(2), m), -1f);
        NDArray wide = NDArrays.concat(new NDList(sides, x, sides), 3);
        NDArray band = nd.full(new Shape(s.get(0), s.get(1), m, s.get(3) + 2L * m), -1f);
        return NDArrays.concat(new NDList(band, wide, band), 2);
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
