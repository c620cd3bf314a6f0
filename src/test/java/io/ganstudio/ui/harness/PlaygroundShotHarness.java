package io.ganstudio.ui.harness;

import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.playground.DataSource;
import io.ganstudio.ui.playground.PlaygroundViewModel;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

/**
 * The studio with the Playground in front, for screenshots: {@code en|ja WIDTH HEIGHT SOURCE SECONDS [slow|SCREEN]}.
 * It plays SOURCE (ring, blobs, ...) for SECONDS, then pauses (or, with slow, walks in slow motion; with a screen's
 * name such as train, shows that screen instead, untouched); take the picture afterwards with
 * {@code import -window root}.
 */
public final class PlaygroundShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Preferences node = Preferences.userRoot().node("ganstudio-shot-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[0].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        DataSource source = DataSource.valueOf(args[3].toUpperCase(Locale.ROOT));
        double seconds = Double.parseDouble(args[4]);
        boolean slow = args.length > 5 && args[5].equals("slow");
        String other = args.length > 5 && !slow ? args[5] : null;
        Path cache = Files.createTempDirectory("shot-cache");
        StudioApp[] app = new StudioApp[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            app[0] = new StudioApp(prefs, cache, true);
            Stage stage = new Stage();
            app[0].start(stage);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(0);
            stage.setY(0);
            if (other != null) {
                ((ButtonBase) stage.getScene().lookup("#nav-" + other)).fire();
                shown.countDown();
                return;
            }
            ((ButtonBase) stage.getScene().lookup("#nav-playground")).fire();
            PlaygroundViewModel vm = app[0].context().playground();
            vm.sourceProperty().set(source);
            vm.speedProperty().set(300);
            vm.play();
            shown.countDown();
        });
        shown.await();
        System.out.println("SHOWN");
        if (other != null) {
            return;
        }
        Thread.sleep((long) (seconds * 1000));
        Platform.runLater(() -> {
            PlaygroundViewModel vm = app[0].context().playground();
            if (slow) {
                // Once the pause has taken effect, walk one step in slow motion.
                vm.busyProperty().addListener((o, was, busy) -> {
                    if (!busy && !vm.slowMotionProperty().get()) {
                        vm.slowMotionProperty().set(true);
                        vm.oneStep();
                    }
                });
            }
            vm.pause();
        });
    }
}
