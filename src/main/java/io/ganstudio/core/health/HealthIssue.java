package io.ganstudio.core.health;

import io.ganstudio.core.text.Phrase;

/**
 * What can go wrong while a GAN trains that the {@link HealthMonitor} watches for. Each has a short name, a
 * sentence on what it means and a sentence on what to try, in English and Japanese (core/text bundles).
 */
public enum HealthIssue {
    /** D is sure of nearly every real image for long: it learns the training images instead of what they share. */
    D_OVERFITTING("dOverfitting"),
    /** The samples look alike: far less spread than the real images, or few kinds of image. */
    MODE_COLLAPSE("modeCollapse"),
    /** Many samples are near copies of training images. */
    MEMORISATION("memorisation"),
    /** D tells real from generated almost perfectly for long, so G gets no useful gradient. */
    D_OVERPOWERS("dOverpowers"),
    /** D rates generated images above real ones for long: D has stopped teaching. */
    G_OVERPOWERS("gOverpowers");

    private final String key;

    HealthIssue(String key) {
        this.key = key;
    }

    /** The name used in health.csv and the bundles' keys. */
    public String key() {
        return key;
    }

    public Phrase title() {
        return Phrase.of("health." + key + ".title");
    }

    public Phrase meaning() {
        return Phrase.of("health." + key + ".meaning");
    }

    public Phrase advice() {
        return Phrase.of("health." + key + ".advice");
    }

    public static HealthIssue ofKey(String key) {
        for (HealthIssue i : values()) {
            if (i.key.equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown health issue '" + key + "'");
    }
}
