package io.ganstudio.core.model;

/**
 * The networks a small colour folder trains on by default: generator and discriminator {@value #WIDTH} channels wide
 * instead of 64. A step then costs about a third of the CPU, so the same minutes give about three times the steps; on
 * two folders of a few hundred images the samples were clearer in the same CPU time (docs/training.md, which also
 * gives the distances). Applies to colour data of up to {@value #MAX_IMAGES} images at 64x64 or larger; grayscale
 * data, larger folders and smaller images keep the 64-wide networks.
 */
public final class SmallColourFolder {

    /** The most images a folder may hold to count as small (the same bound as automatic augmentation's). */
    public static final int MAX_IMAGES = 2_000;
    /** The smallest image side the rule applies to. */
    public static final int MIN_SIDE = 64;
    /** Generator and discriminator width for such folders. */
    public static final int WIDTH = 32;

    private SmallColourFolder() {
    }

    /** Whether a dataset of {@code images} images with {@code channels} channels, trained at {@code side}, is one. */
    public static boolean applies(int images, int channels, int side) {
        return images > 0 && images <= MAX_IMAGES && channels == 3 && side >= MIN_SIDE;
    }

    /** The model with the small-folder widths. */
    public static ModelConfig narrowed(ModelConfig m) {
        return m.withWidths(WIDTH, WIDTH);
    }
}
