package io.ganstudio.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ganstudio.core.text.Phrase;

/**
 * Everything needed to rebuild the generator and discriminator.
 *
 * @param imageSize     side of the square images: 16, 28, 32, 64 or 128
 * @param channels      1 (grayscale) or 3 (RGB)
 * @param latentSize    length of the noise vector z
 * @param generatorWidth     ngf: channels of the generator's last hidden layer
 * @param discriminatorWidth ndf: channels of the discriminator's first layer
 * @param normalization batch norm in hidden layers, or none
 */
public record ModelConfig(int imageSize, int channels, int latentSize, int generatorWidth,
                          int discriminatorWidth, Normalization normalization) {

    public static final List<Integer> SUPPORTED_SIZES = List.of(16, 28, 32, 64, 128);

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
        if (latentSize < 1 || latentSize > 1024) {
            p.add(Phrase.of("model.latentSize", latentSize));
        }
        if (generatorWidth < 1 || generatorWidth > 512) {
            p.add(Phrase.of("model.generatorWidth", generatorWidth));
        }
        if (discriminatorWidth < 1 || discriminatorWidth > 512) {
            p.add(Phrase.of("model.discriminatorWidth", discriminatorWidth));
        }
        if (normalization == null) {
            p.add(Phrase.of("model.normalization"));
        }
        return p;
    }

    /** Number of 2x upsampling stages after the first block (which outputs 4x4, or 7x7 for 28). */
    public int upsamplingStages() {
        return switch (imageSize) {
            case 16 -> 2;
            case 28 -> 2;
            case 32 -> 3;
            case 64 -> 4;
            case 128 -> 5;
            default -> throw new IllegalStateException("unsupported image size " + imageSize);
        };
    }

    /** Side of the first generator feature map: 7 for 28x28 images, otherwise 4. */
    public int baseSize() {
        return imageSize == 28 ? 7 : 4;
    }
}
