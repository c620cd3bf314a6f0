package io.ganstudio.core.model;

/** Normalisation used in the hidden layers of both networks. */
public enum Normalization {
    BATCH_NORM("batch-norm"),
    NONE("none");

    private final String cliName;

    Normalization(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Normalization parse(String text) {
        for (Normalization n : values()) {
            if (n.cliName.equalsIgnoreCase(text) || n.name().equalsIgnoreCase(text)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown normalization '" + text + "': use batch-norm or none");
    }
}
