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
    /**
     * Cosine distance to the nearest normal images in D's features (the mean over ten); the map is the difference to
     * them.
     */
    FEATURE_NN("feature-nn"),
    /**
     * How hard the quarter turns of the image are to tell apart for a classifier on D's features fitted to the
     * normal images' turns (self-supervision, after GeoTrans); the map is each feature cell's share of that.
     */
    ROTATION("rotation"),
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
