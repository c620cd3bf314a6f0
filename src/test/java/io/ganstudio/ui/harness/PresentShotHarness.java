package io.ganstudio.ui.harness;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.ui.app.Screens;
import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.explore.GeneratorOpener;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.task.BackgroundTasks;
import io.ganstudio.ui.train.TrainView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

/**
 * Screenshots of presentation mode and the explanation panels, taken from the scene itself (no window frame):
 * {@code SCREEN en|ja WIDTH HEIGHT present|normal explain|plain SECONDS OUT.png [RUN_DIR]}. Train starts a classroom run
 * and waits SECONDS, or shows RUN_DIR's history when given; Explore opens RUN_DIR. Run under Xvfb.
 */
public final class PresentShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String screen = args[0];
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        boolean present = args[4].equals("present");
        boolean explain = args[5].equals("explain");
        long seconds = Long.parseLong(args[6]);
        Path out = Path.of(args[7]);
        Preferences node = Preferences.userRoot().node("ganstudio-present-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[1].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        prefs.setPresentation(present);
        prefs.setWindowBounds(0, 0, width, height);
        Path cache = Files.createTempDirectory("shot-cache");
        StudioApp[] app = new StudioApp[1];
        Platform.startup(() -> {
            app[0] = new StudioApp(prefs, cache, true);
            Stage stage = new Stage();
            app[0].start(stage);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(0);
            stage.setY(0);
            ((ButtonBase) stage.getScene().lookup("#nav-" + screen)).fire();
            Screens.all().stream().filter(s -> s.id().equals(screen)).findFirst()
                    .ifPresent(s -> app[0].context().explanations().openProperty(s).set(explain));
            if (screen.equals("explore")) {
                Path run = Path.of(args[8]);
                BackgroundTasks.common().run("open", () -> GeneratorOpener.open(run),
                        o -> app[0].context().work().explore().open(o.source(), run, o.name()),
                        Throwable::printStackTrace);
            }
        });
        boolean openRun = screen.equals("train") && args.length > 8;
        if (openRun) { // a trained run's history instead of a new run
            Thread.sleep(3000);
            Platform.runLater(() -> {
                Scene scene = Window.getWindows().get(0).getScene();
                scene.getRoot().lookupAll(".screen").stream().filter(n -> n instanceof TrainView)
                        .findFirst().ifPresent(v -> ((TrainView) v).openRun(Path.of(args[8])));
            });
        } else if (screen.equals("train")) {
            Thread.sleep(6000);
            Platform.runLater(() -> {
                Stage s = (Stage) Window.getWindows().get(0);
                ((ButtonBase) s.getScene().lookup("#start")).fire();
            });
        }
        Thread.sleep(seconds * 1000);
        if (screen.equals("train") && !openRun) {
            Platform.runLater(() -> app[0].context().work().train().pause());
            Thread.sleep(2500);
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Scene scene = Window.getWindows().get(0).getScene();
                WritableImage image = scene.snapshot(null);
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                int[] argb = new int[w * h];
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                SampleGrid.writePng(argb, w, h, out);
                System.out.println("wrote " + out + " " + w + "x" + h + " presentation=" + Presentation.isOn());
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        node.removeNode();
        System.exit(0);
    }
}
