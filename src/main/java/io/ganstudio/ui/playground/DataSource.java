package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Preset;

import java.util.Locale;

/** Where the playground's real points come from: a preset shape, a drawing, or an imported CSV file. */
public enum DataSource {
    LINE(Preset.LINE), GAUSSIANS(Preset.GAUSSIANS), RING(Preset.RING), BLOBS(Preset.BLOBS), DRAWING(null), CSV(null);

    private final Preset preset;

    DataSource(Preset preset) {
        this.preset = preset;
    }

    /** The preset shape, or null for a drawing or a file. */
    public Preset preset() {
        return preset;
    }

    public String labelKey() {
        return "source." + name().toLowerCase(Locale.ROOT);
    }
}
