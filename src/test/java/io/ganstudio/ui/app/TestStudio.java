package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.present.Presentation;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/** The studio window on throw-away preferences, in English and without the engine, for TestFX tests. */
final class TestStudio {

    private final Preferences node = Preferences.userRoot().node("io/ganstudio/ui-test-" + System.nanoTime());
    private StudioApp app;

    /** Opens the window; {@code setup} may add to the preferences first (recent runs, say). */
    StudioApp start(Stage stage, Path cache, Consumer<StudioPrefs> setup) {
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(Language.ENGLISH);
        setup.accept(prefs);
        app = new StudioApp(prefs, cache, false);
        app.start(stage);
        return app;
    }

    /** The preferences as saved, read afresh. */
    StudioPrefs savedPrefs() {
        return new StudioPrefs(node);
    }

    void close() throws Exception {
        // Presentation mode is one switch per process: off, and no longer saved into the preferences removed here.
        Platform.runLater(() -> Presentation.remember(false, b -> { }));
        node.removeNode();
        Messages.use(Locale.ENGLISH);
    }
}
