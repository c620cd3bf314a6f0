package io.ganstudio.core.anomaly;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The anomaly scores an inspection model offers; every fitted model holds what each needs, and one of them is its
 * default. All but {@link #FANOGAN} read the run's discriminator only.
 */
public enum ScoreMethod {
    /** The mean of the other scores, each normalised by the held-out normal images' mean and spread. */
    COMBINED("combined"),
    /** A Gaussian per position of D's last hidden feature map (PaDiM); the map is the per-position distance. */
    PADIM("padim"),
    /** Cosine distance to the nearest normal image in D's features; the map is the difference to that image. */
    FEATURE_NN("feature-nn"),
    /** f-AnoGAN's image + feature residual through the encoder; the map is the pixel residual. */
    FANOGAN("fanogan");

    /** What a model uses when nobody chooses. */
    public static final ScoreMethod DEFAULT = COMBINED;

    private final String id;

    ScoreMethod(String id) {
        this.id = id;
    }

    /** The name on the command line and in files. */
    public String id() {
        return id;
    }

    /** The method named {@code id} (case ignored). */
    public static ScoreMethod parse(String id) {
        for (ScoreMethod m : values()) {
            if (m.id.equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("no score method is called '" + id + "'; the methods are "
                + ids());
    }

    /** The names, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(ScoreMethod::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
