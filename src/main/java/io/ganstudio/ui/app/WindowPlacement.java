package io.ganstudio.ui.app;

import io.ganstudio.ui.common.StudioPrefs;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores the window where the user left it, unless that place is no longer on any screen. */
final class WindowPlacement {

    private WindowPlacement() {
    }

    static void restore(Stage stage, StudioPrefs prefs) {
        double[] b = prefs.windowBounds();
        if (b != null && !Screen.getScreensForRectangle(b[0], b[1], b[2], b[3]).isEmpty()) {
            stage.setX(b[0]);
            stage.setY(b[1]);
            stage.setWidth(b[2]);
            stage.setHeight(b[3]);
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, screen.getWidth()));
            stage.setHeight(Math.min(820, screen.getHeight()));
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.windowMaximized());
    }

    static void save(Stage stage, StudioPrefs prefs) {
        prefs.setWindowMaximized(stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }
}
