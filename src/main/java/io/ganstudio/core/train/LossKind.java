package io.ganstudio.core.train;

import io.ganstudio.core.text.CliNamed;

/** The adversarial loss. */
public enum LossKind implements CliNamed {
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

    @Override
    public String cliName() {
        return cliName;
    }

    public static LossKind parse(String text) {
        return CliNamed.parse(LossKind.class, "loss", text);
    }
}
