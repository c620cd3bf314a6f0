package io.ganstudio.core.model;

import io.ganstudio.core.text.CliNamed;

/**
 * How the generator doubles its feature maps' side in each upsampling stage.
 * Transposed convolutions (4x4, stride 2) are the DCGAN reference; their kernels overlap unevenly and can leave a
 * faint regular grid (a checkerboard) in the images. A resize convolution (nearest-neighbour 2x upsampling, then a
 * 3x3 convolution; Odena et al. 2016) cannot make one from a flat input, and here costs the same time (see
 * {@link TransposedConv2d}).
 */
public enum Upsampling implements CliNamed {
    TRANSPOSED_CONV("transposed"),
    RESIZE_CONV("resize");

    /**
     * New models whose networks are at least this large upsample with resize convolutions: measured on a colour
     * folder at 64x64, where transposed convolutions left a grid (docs/training.md, "64x64 colour folders").
     */
    public static final int RESIZE_FROM_NETWORK_SIZE = 64;

    private final String cliName;

    Upsampling(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** What a new model with networks of this side upsamples with by default. */
    public static Upsampling recommendedFor(int networkSize) {
        return networkSize >= RESIZE_FROM_NETWORK_SIZE ? RESIZE_CONV : TRANSPOSED_CONV;
    }

    public static Upsampling parse(String text) {
        return CliNamed.parse(Upsampling.class, "upsampling", text);
    }
}
