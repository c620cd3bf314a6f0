package io.ganstudio.ui.harness;

import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.app.StudioContext;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.explore.GeneratorOpener;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.task.BackgroundTasks;
import io.ganstudio.ui.train.RunSnapshot;
import io.ganstudio.ui.train.TrainView;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The whole studio with the Train or Explore screen in front, for screenshots:
 * {@code train|explore en|ja [RUN_DIR [pick]]} (train with a RUN_DIR shows that run instead of training; pick
 * clicks the middle of its sample grid), or {@code model en|ja [PRESET]} (the Model screen with that preset chosen). Training starts on its own after a few seconds (the built-in data loads first).
 */
public final class StudioShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        EngineSetup.preferInteractive(); // the engine settings StudioLauncher gives the studio
        String screen = args[0];
        Preferences node = Preferences.userRoot().node("ganstudio-shot-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[1].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        prefs.setPresentation(Boolean.getBoolean("shot.present")); // -Dshot.present=true: presentation mode
        Path cache = Files.createTempDirectory("shot-cache");
        StudioApp[] app = new StudioApp[1];
        Platform.startup(() -> {
            app[0] = new StudioApp(prefs, cache, true);
            Stage stage = new Stage();
            app[0].start(stage);
            // -Dshot.size=1280x800 for the projector-like size; 1440x900 otherwise.
            String[] size = System.getProperty("shot.size", "1440x900").split("x");
            stage.setWidth(Integer.parseInt(size[0]));
            stage.setHeight(Integer.parseInt(size[1]));
            stage.setX(0);
            stage.setY(0);
            ((ButtonBase) stage.getScene().lookup("#nav-" + screen)).fire();
            if (screen.equals("explore")) {
                Path run = Path.of(args[2]);
                BackgroundTasks.common().run("open", () -> GeneratorOpener.open(run),
                        o -> app[0].context().work().explore().open(o.source(), run, o.name()), Throwable::printStackTrace);
            }
        });
        if (screen.equals("train") && args.length > 2) {
            // An existing run folder on the Train screen (e.g. one whose health.csv holds a warning), its first
            // health warning opened as a click would.
            Path run = Path.of(args[2]);
            Thread.sleep(4000);
            Platform.runLater(() -> BackgroundTasks.common().run("open",
                    () -> RunSnapshot.read(run), snap -> {
                        Stage s = (Stage) Window.getWindows().get(0);
                        // The Train screen's own ViewModel, as the Run menu's "open run" fills it.
                        ((TrainView) s.getScene().lookup(".train-view")).viewModel()
                                .showRun(snap);
                        if (args.length > 3 && args[3].equals("pick")) {
                            // A click in the middle of the sample grid (once its picture has loaded): its nearest
                            // training images.
                            PauseTransition wait = new PauseTransition(
                                    Duration.seconds(5));
                            wait.setOnFinished(done -> {
                                Node grid = s.getScene().lookup(".sample-history .pixel-view");
                                Bounds b = grid.getLayoutBounds();
                                // Scene coordinates: the event reaches the grid converted to its own.
                                Point2D at = grid.localToScene(b.getWidth() / 2 + 3,
                                        b.getHeight() / 2 + 3);
                                grid.fireEvent(new MouseEvent(
                                        MouseEvent.MOUSE_CLICKED, at.getX(), at.getY(), 0, 0, MouseButton.PRIMARY, 1,
                                        false, false, false, false, true, false, false, true, false, false, null));
                            });
                            wait.play();
                            return;
                        }
                        Platform.runLater(() -> s.getScene().getRoot().lookupAll("Label").stream()
                                .filter(n -> n.getId() != null && n.getId().startsWith("health-")).findFirst()
                                .ifPresent(n -> n.fireEvent(new MouseEvent(
                                        MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1,
                                        MouseButton.PRIMARY, 1, false, false, false, false, true,
                                        false, false, true, false, false, null))));
                    }, Throwable::printStackTrace));
        } else if (screen.equals("model") && args.length > 2) {
            // The Model screen with a preset chosen, e.g. DCGAN_64.
            Thread.sleep(4000);
            Platform.runLater(() -> {
                Stage s = (Stage) Window.getWindows().get(0);
                @SuppressWarnings("unchecked")
                ComboBox<ModelPreset> preset =
                        (ComboBox<ModelPreset>) s.getScene().lookup("#preset");
                preset.setValue(ModelPreset.valueOf(args[2]));
            });
            // -Dshot.data=FOLDER loads that folder at the preset's size, as the Data screen does after the choice;
            // -Dshot.then=SCREEN then goes to that screen (e.g. train, for the time its planned steps will take).
            String folder = System.getProperty("shot.data");
            if (folder != null) {
                Thread.sleep(1000);
                Platform.runLater(() -> {
                    StudioContext context = app[0].context();
                    context.data().loadFolder(Path.of(folder), context.model().imageSizeProperty().get());
                });
                String then = System.getProperty("shot.then");
                if (then != null) {
                    Thread.sleep(Long.getLong("shot.thenAfter", 8) * 1000);
                    Platform.runLater(() -> ((ButtonBase) ((Stage) Window.getWindows().get(0)).getScene()
                            .lookup("#nav-" + then)).fire());
                }
                // -Dshot.startAfter=SECONDS presses Start that long after (the training's own speed and ETA).
                long startAfter = Long.getLong("shot.startAfter", 0);
                if (startAfter > 0) {
                    Thread.sleep(startAfter * 1000);
                    Platform.runLater(() -> ((ButtonBase) ((Stage) Window.getWindows().get(0)).getScene()
                            .lookup("#start")).fire());
                }
            }
        } else if (screen.equals("train") && !Boolean.getBoolean("shot.noStart")) {
            Thread.sleep(8000);
            Platform.runLater(() -> {
                // A 28x28 classroom run on the built-in images, as a teacher would start it.
                Stage s = (Stage) Window.getWindows().get(0);
                ((ButtonBase) s.getScene().lookup("#start")).fire();
            });
            // -Dshot.stopAfter=SECONDS presses Stop that long after Start (the screen after a stop).
            long stopAfter = Long.getLong("shot.stopAfter", 0);
            if (stopAfter > 0) {
                Thread.sleep(stopAfter * 1000);
                Platform.runLater(() -> {
                    Stage s = (Stage) Window.getWindows().get(0);
                    ((ButtonBase) s.getScene().lookup("#stop")).fire();
                });
            }
        }
    }
}
