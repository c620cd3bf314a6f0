package io.ganstudio.core.train;

import io.ganstudio.core.text.CliNamed;

/**
 * Augmentation of what the discriminator sees (real and generated images, in both networks' steps), so that it
 * cannot memorise a small dataset. Never applied to samples.
 */
public enum Augment implements CliNamed {
    /**
     * DiffAugment for datasets of up to {@link #AUTO_MAX_IMAGES} images: colour ones always, grayscale ones when the
     * run shows the discriminator each image at least {@link #AUTO_GRAYSCALE_MIN_PASSES} times; otherwise none.
     * Measured on 248 colour flags at 64x64 (without it the discriminator wins within 20 steps and every sample is
     * grey noise at step 600; with it, recognisable flag cards) and on 500 grayscale Fashion-MNIST images at 28x28
     * (DiffAugment, which only translates grayscale images, against none: FID 12.33 against 11.52 at 3,000 steps, 384
     * passes; 8.46 against 9.22 at 6,000 steps, 768 passes; 6.76 against 11.91 at 9,000). The studio's and the
     * command line's default.
     */
    AUTO("auto"),
    /** DiffAugment: colour, translation and cutout on every image (Zhao et al. 2020); grayscale: translation only. */
    DIFFAUGMENT("diffaugment"),
    /** The same operations, each applied with a probability that adapts to how sure D is of real images (ADA). */
    ADA("ada"),
    OFF("off");

    /** Largest dataset that {@link #AUTO} augments: a judgement, not measured (see docs/training.md). */
    public static final int AUTO_MAX_IMAGES = 2_000;

    /**
     * Passes over a small grayscale dataset from which {@link #AUTO} augments it: where the two measured FID
     * differences (+0.81 at 384 passes, -0.76 at 768) cross when joined by a line, about 580, rounded up.
     */
    public static final int AUTO_GRAYSCALE_MIN_PASSES = 600;

    private final String cliName;

    Augment(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /**
     * What a run of {@code steps} steps of {@code batch} images on {@code images} images of {@code channels}
     * channels does: AUTO becomes DIFFAUGMENT or OFF. A resumed run decides by its new total, so extending a small
     * grayscale run past the passes turns augmentation on from there.
     */
    public Augment resolve(int images, int channels, long steps, int batch) {
        if (this != AUTO) {
            return this;
        }
        if (images <= 0 || images > AUTO_MAX_IMAGES) {
            return OFF;
        }
        return channels == 3 || (double) steps * batch / images >= AUTO_GRAYSCALE_MIN_PASSES ? DIFFAUGMENT : OFF;
    }

    public static Augment parse(String text) {
        return CliNamed.parse(Augment.class, "augmentation", text);
    }
}
