package io.ganstudio.core.model;

import io.ganstudio.core.text.Phrase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Everything needed to rebuild the generator and discriminator.
 *
 * @param imageSize     side of the square images: 16, 28, 32, 64 or 128
 * @param channels      1 (grayscale) or 3 (RGB)
 * @param latentSize    length of the noise vector z
 * @param generatorWidth     ngf: channels of the generator's last hidden layer
 * @param discriminatorWidth ndf: channels of the discriminator's first layer
 * @param normalization batch norm in hidden layers, or none
 * @param networkSize   side the networks work at: the image size, or larger (the generator's output is cropped to
 *                      the image's centre and the discriminator's input padded with black). 28x28 images use the
 *                      32x32 networks: the three-layer 7 -> 14 -> 28 networks scored 2.6x worse. 0 in a config.json
 *                      written before this setting existed, which means the image size.
 * @param spectralNorm  spectral normalisation in every discriminator layer (which then has no batch norm)
 * @param conditional   a class-conditional GAN: the generator joins a learned class embedding to z and the
 *                      discriminator has a projection head (Miyato and Koyama 2018); false in older config.json files
 * @param classes       the class names of a conditional model, in label order; empty until the training session
 *                      takes them from the data (and always for an unconditional model)
 * @param upsampling    how the generator doubles its side: transposed convolutions (the DCGAN reference, and what
 *                      config.json files written before this setting existed mean) or resize convolutions
 */
public record ModelConfig(int imageSize, int channels, int latentSize, int generatorWidth,
                          int discriminatorWidth, Normalization normalization, int networkSize,
                          boolean spectralNorm, boolean conditional, List<String> classes, Upsampling upsampling) {

    public static final List<Integer> SUPPORTED_SIZES = List.of(16, 28, 32, 64, 128);
    /** The largest latent size, generator or discriminator width, and class count a model may have. */
    public static final int MAX_LATENT_SIZE = 1024;
    public static final int MAX_WIDTH = 512;
    public static final int MAX_CLASSES = 1024;
    /** The longest class name (characters) a configuration may carry. */
    public static final int MAX_CLASS_NAME = 200;

    public ModelConfig {
        networkSize = networkSize == 0 ? imageSize : networkSize;
        classes = classes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(classes));
        upsampling = upsampling == null ? Upsampling.TRANSPOSED_CONV : upsampling;
    }

    /** An unconditional model. */
    public ModelConfig(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                       Normalization normalization, int networkSize, boolean spectralNorm) {
        this(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization, networkSize,
                spectralNorm, false, List.of(), Upsampling.TRANSPOSED_CONV);
    }

    /** A new model with the recommended network size for its image size and no spectral normalisation. */
    public ModelConfig(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                       Normalization normalization) {
        this(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                recommendedNetworkSize(imageSize), false);
    }

    /** 32 for 28x28 images (see {@link #networkSize()}), otherwise the image size. */
    public static int recommendedNetworkSize(int imageSize) {
        return imageSize == 28 ? 32 : imageSize;
    }

    public ModelConfig withChannels(int newChannels) {
        return new ModelConfig(imageSize, newChannels, latentSize, generatorWidth, discriminatorWidth, normalization,
                networkSize, spectralNorm, conditional, classes, upsampling);
    }

    public ModelConfig withSpectralNorm(boolean on) {
        return new ModelConfig(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                networkSize, on, conditional, classes, upsampling);
    }

    public ModelConfig withNetworkSize(int side) {
        return new ModelConfig(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                side, spectralNorm, conditional, classes, upsampling);
    }

    /** Conditional on (its classes then come from the data) or off (no classes). */
    public ModelConfig withConditional(boolean on) {
        return new ModelConfig(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                networkSize, spectralNorm, on, on ? classes : List.of(), upsampling);
    }

    /** A conditional model with these class names (label order). */
    public ModelConfig withClasses(List<String> names) {
        return new ModelConfig(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                networkSize, spectralNorm, true, names, upsampling);
    }

    /** The same model with these generator and discriminator widths. */
    public ModelConfig withWidths(int generator, int discriminator) {
        return new ModelConfig(imageSize, channels, latentSize, generator, discriminator, normalization,
                networkSize, spectralNorm, conditional, classes, upsampling);
    }

    /** The same model with the generator upsampling this way. */
    public ModelConfig withUpsampling(Upsampling how) {
        return new ModelConfig(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, normalization,
                networkSize, spectralNorm, conditional, classes, how);
    }

    /** Number of classes the networks are built for: 0 for an unconditional model. */
    public int classCount() {
        return conditional ? classes.size() : 0;
    }

    /**
     * The class index a name or a 0-based index stands for, case-insensitive; -1 when it is neither.
     */
    public int classIndex(String nameOrIndex) {
        String t = nameOrIndex.strip();
        for (int i = 0; i < classCount(); i++) {
            if (classes.get(i).equalsIgnoreCase(t)) {
                return i;
            }
        }
        try {
            int i = Integer.parseInt(t);
            return i >= 0 && i < classCount() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Pixels the generator's output loses on each side when cropped to the image (0 when the sizes agree). */
    public int networkMargin() {
        return (networkSize - imageSize) / 2;
    }

    public static ModelConfig dcgan(int imageSize, int channels) {
        return new ModelConfig(imageSize, channels, 100, 64, 64, Normalization.BATCH_NORM);
    }

    /** Problems a person can act on, in English; empty when the configuration is valid. */
    public List<String> problems() {
        return problems(Locale.ENGLISH);
    }

    /** Problems a person can act on, in the given language (English or Japanese). */
    public List<String> problems(Locale locale) {
        return Phrase.texts(problemList(), locale);
    }

    public List<Phrase> problemList() {
        List<Phrase> p = new ArrayList<>();
        if (!SUPPORTED_SIZES.contains(imageSize)) {
            p.add(Phrase.of("model.imageSize", imageSize, SUPPORTED_SIZES));
        }
        if (channels != 1 && channels != 3) {
            p.add(Phrase.of("model.channels", channels));
        }
        if (latentSize < 1 || latentSize > MAX_LATENT_SIZE) {
            p.add(Phrase.of("model.latentSize", latentSize));
        }
        if (generatorWidth < 1 || generatorWidth > MAX_WIDTH) {
            p.add(Phrase.of("model.generatorWidth", generatorWidth));
        }
        if (discriminatorWidth < 1 || discriminatorWidth > MAX_WIDTH) {
            p.add(Phrase.of("model.discriminatorWidth", discriminatorWidth));
        }
        if (normalization == null) {
            p.add(Phrase.of("model.normalization"));
        }
        if (networkSize != imageSize && (!SUPPORTED_SIZES.contains(networkSize) || networkSize == 28
                || networkSize < imageSize || (networkSize - imageSize) % 2 != 0)) {
            p.add(Phrase.of("model.networkSize", networkSize, imageSize));
        }
        if (conditional && classes.size() == 1) {
            p.add(Phrase.of("model.oneClass", classes.get(0)));
        }
        if (classes.size() > MAX_CLASSES) {
            p.add(Phrase.of("model.classCount", classes.size(), MAX_CLASSES));
        } else if (classes.stream().anyMatch(c -> c == null || c.isEmpty() || c.length() > MAX_CLASS_NAME)) {
            p.add(Phrase.of("model.className", MAX_CLASS_NAME));
        }
        return p;
    }

    /** Number of 2x upsampling stages after the first block (which outputs 4x4, or 7x7 for 28). */
    public int upsamplingStages() {
        return switch (networkSize) {
            case 16 -> 2;
            case 28 -> 2;
            case 32 -> 3;
            case 64 -> 4;
            case 128 -> 5;
            default -> throw new IllegalStateException("unsupported network size " + networkSize);
        };
    }

    /** Side of the first generator feature map: 7 for 28x28 networks, otherwise 4. */
    public int baseSize() {
        return networkSize == 28 ? 7 : 4;
    }
}
