package io.ganstudio.core.train;

import io.ganstudio.core.model.ModelConfig;

/**
 * How a small colour folder trains by default, each choice measured at equal CPU time on two folders of a few hundred
 * images (docs/training.md gives the distances and grids):
 * <ul>
 *   <li>generator and discriminator {@value #WIDTH} channels wide instead of 64: a step costs about a third of the
 *       CPU, so the same minutes give about three times the steps;</li>
 *   <li>both learning rates {@value #LEARNING_RATE} instead of 0.0002 (the betas stay the DCGAN paper's);</li>
 *   <li>samples from an average of the generator's weights (decay {@value #EMA_DECAY}), which smooths out the
 *       step-to-step swings that a few hundred images cause.</li>
 * </ul>
 * Applies to colour data of up to {@value #MAX_IMAGES} images at 64x64 or larger; grayscale data, larger folders and
 * smaller images keep the general defaults.
 */
public final class SmallColourFolder {

    /** The most images a folder may hold to count as small (the same bound as automatic augmentation's). */
    public static final int MAX_IMAGES = 2_000;
    /** The smallest image side the rule applies to. */
    public static final int MIN_SIDE = 64;
    /** Generator and discriminator width for such folders. */
    public static final int WIDTH = 32;
    /** Adam's learning rate of both networks for such folders. */
    public static final float LEARNING_RATE = 5e-4f;
    /** Decay of the generator's weight average for such folders. */
    public static final float EMA_DECAY = 0.995f;

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

    /** Adam with this rule's learning rate and the given settings' betas. */
    public static TrainConfig.AdamSettings faster(TrainConfig.AdamSettings a) {
        return new TrainConfig.AdamSettings(LEARNING_RATE, a.beta1(), a.beta2());
    }

    /** The training settings with this rule's learning rates and generator average. */
    public static TrainConfig trained(TrainConfig t) {
        return t.withOptimizers(faster(t.generatorOptimizer()), faster(t.discriminatorOptimizer()))
                .withEmaDecay(EMA_DECAY);
    }
}
