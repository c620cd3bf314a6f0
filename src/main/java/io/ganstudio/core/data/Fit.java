package io.ganstudio.core.data;

import io.ganstudio.core.text.CliNamed;

import java.util.Locale;

/**
 * How an image smaller than the model's size is brought to that size. Larger images are always resized down.
 * Padding keeps every pixel sharp (upsampling a 28x28 image to 32x32 blurs it, and the networks learn the blur).
 */
public enum Fit implements CliNamed {
    /** Enlarge the image (bilinear). */
    RESIZE,
    /** Place it unscaled in the centre on the background colour. */
    PAD;

    @Override
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Fit parse(String text) {
        return CliNamed.parse(Fit.class, "fit", text);
    }
}
