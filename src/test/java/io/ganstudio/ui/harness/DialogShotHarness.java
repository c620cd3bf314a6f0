package io.ganstudio.ui.harness;

import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.train.RunSnapshot;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The studio with one of its data-safety dialogs open, for screenshots: {@code quit en|ja} (training runs, then the
 * window is closed) or {@code continue en|ja RUN_DIR} (a trained run is shown, then Continue training is pressed).
 */
public final class DialogShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Preferences node = Preferences.userRoot().node("ganstudio-dialog-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[1].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        Path cache = Files.createTempDirectory("shot-cache");
        StudioApp[] app = new StudioApp[1];
        Stage[] stage = new Stage[1];
        Platform.startup(() -> {
            app[0] = new StudioApp(prefs, cache, true);
            stage[0] = new Stage();
            app[0].start(stage[0]);
            stage[0].setWidth(1280);
            stage[0].setHeight(800);
            stage[0].setX(0);
            stage[0].setY(0);
            ((ButtonBase) stage[0].getScene().lookup("#nav-train")).fire();
        });
        if (args[0].equals("quit")) {
            Thread.sleep(8000);
            Platform.runLater(() -> ((ButtonBase) stage[0].getScene().lookup("#start")).fire());
            Thread.sleep(6000);
            Platform.runLater(() -> stage[0].fireEvent(new WindowEvent(stage[0], WindowEvent.WINDOW_CLOSE_REQUEST)));
        } else {
            RunSnapshot run = RunSnapshot.read(Path.of(args[2]));
            Thread.sleep(4000);
            Platform.runLater(() -> app[0].context().work().train().showRun(run));
            Thread.sleep(1000);
            Platform.runLater(() -> ((ButtonBase) stage[0].getScene().lookup("#continue")).fire());
        }
    }
}
