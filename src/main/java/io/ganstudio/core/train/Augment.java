package io.ganstudio.core.train;

/**
 * Augmentation of what the discriminator sees (real and generated images, in both networks' steps), so that it
 * cannot memorise a small dataset. Never applied to samples.
 */
public enum Augment {
    /** DiffAugment for datasets of up to {@link #AUTO_MAX_IMAGES} images, none for larger ones. */
    AUTO("auto"),
    /** DiffAugment: colour, translation and cutout on every image (Zhao et al. 2020). */
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

    /** What a run on {@code images} images does: AUTO becomes DIFFAUGMENT or OFF. */
    public Augment resolve(int images) {
        if (this != AUTO) {
            return this;
        }
        return images <= AUTO_MAX_IMAGES ? DIFFAUGMENT : OFF;
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
