package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.ui.common.StudioPrefs;
import javafx.application.Application;

/**
 * Starts the studio from a plain classpath: a main class that extends Application cannot be started from a
 * classpath jar, so io.ganstudio.Launcher calls this instead.
 */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        // Before anything can touch DJL (EngineSetup.init() sets these too, this covers any earlier use).
        System.setProperty("ai.djl.offline", "true");
        EngineSetup.preferInteractive();
        // The engine chosen in View > Engine, unless the command line names one.
        if (System.getProperty(EngineChoice.PROPERTY) == null) {
            System.setProperty(EngineChoice.PROPERTY, StudioPrefs.user().engine().id());
        }
        Application.launch(StudioApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
