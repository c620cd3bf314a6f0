package io.ganstudio.core.train;

/** The adversarial loss. */
public enum LossKind {
    /** Non-saturating binary cross-entropy on logits (the DCGAN paper's loss). */
    BCE("bce"),
    /** Least squares (LSGAN, Mao et al. 2017). */
    LSGAN("lsgan"),
    /** Hinge loss (Lim and Ye 2017; used by SAGAN and BigGAN). */
    HINGE("hinge");

    private final String cliName;

    LossKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static LossKind parse(String text) {
        for (LossKind k : values()) {
            if (k.cliName.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + text + "': use bce, lsgan or hinge");
    }
}
