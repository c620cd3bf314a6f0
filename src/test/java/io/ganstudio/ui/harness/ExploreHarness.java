package io.ganstudio.ui.harness;

import io.ganstudio.ui.explore.ExploreView;
import javafx.scene.Parent;

import java.nio.file.Path;
import java.util.Locale;

final class ExploreHarness {
    private ExploreHarness() {
    }

    static Parent view(Path run, Locale locale) {
        ExploreView view = new ExploreView(() -> run, locale);
        view.open(run);
        return view;
    }
}
