package io.ganstudio.core.model;

import io.ganstudio.core.text.CliNamed;

/** Normalisation used in the hidden layers of both networks. */
public enum Normalization implements CliNamed {
    BATCH_NORM("batch-norm"),
    NONE("none");

    private final String cliName;

    Normalization(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    public static Normalization parse(String text) {
        return CliNamed.parse(Normalization.class, "normalization", text);
    }
}
