package io.ganstudio.core.train;

/**
 * Augmentation of what the discriminator sees (real and generated images, in both networks' steps), so that it
 * cannot memorise a small dataset. Never applied to samples.
 */
public enum Augment {
    /**
     * DiffAugment for colour datasets of up to {@link #AUTO_MAX_IMAGES} images, none for grayscale or larger ones:
     * measured on 248 colour flags at 64x64 (without it the discriminator wins within 20 steps and every sample is
     * grey noise at step 600; with it, recognisable flag cards) and on 500 grayscale Fashion-MNIST images at 28x28
     * (DiffAugment, which only translates grayscale images: FID 12.33 against 11.52 without at 3,000 steps, and
     * further behind at the default 2,000; in long runs far ahead: 6.76 against 11.91 at 9,000). The studio's and
     * the command line's default.
     */
    AUTO("auto"),
    /** DiffAugment: colour, translation and cutout on every image (Zhao et al. 2020); grayscale: translation only. */
    DIFFAUGMENT("diffaugment"),
    /** The same operations, each applied with a probability that adapts to how sure D is of real images (ADA). */
    ADA("ada"),
    OFF("off");

    /** Largest dataset that {@link #AUTO} augments: a judgement, not measured (see the README). */
    public static final int AUTO_MAX_IMAGES = 2_000;

    private final String cliName;

    Augment(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** What a run on {@code images} images of {@code channels} channels does: AUTO becomes DIFFAUGMENT or OFF. */
    public Augment resolve(int images, int channels) {
        if (this != AUTO) {
            return this;
        }
        return images <= AUTO_MAX_IMAGES && channels == 3 ? DIFFAUGMENT : OFF;
    }

    public static Augment parse(String text) {
        for (Augment a : values()) {
            if (a.cliName.equalsIgnoreCase(text) || a.name().equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown augmentation '" + text + "': use auto, diffaugment, ada or off");
    }
}
