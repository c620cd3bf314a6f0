package io.ganstudio.ui.harness;

import javafx.scene.Parent;
import javafx.scene.control.Label;

import java.nio.file.Path;
import java.util.Locale;

final class ExploreHarness {
    private ExploreHarness() {
    }

    static Parent view(Path run, Locale locale) {
        return new Label("explore " + run + " " + locale);
    }
}
