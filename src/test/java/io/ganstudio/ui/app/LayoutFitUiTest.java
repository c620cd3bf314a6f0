package io.ganstudio.ui.app;

import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.quality.NearestLookup;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.NearestDialog;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.train.TrainViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen and dialog at 1280x800, in English and Japanese, with and without presentation mode: no text is cut
 * or runs off the window, none lies on another, no screen is wider than the window, and no word of the other language
 * is left, after a language switch too. With the system property {@code layout.shots=DIR} (Maven:
 * {@code -DargLine=-Dlayout.shots=DIR}) it also writes each view as a PNG there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutFitUiTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    @TempDir
    static Path tmp;
    static Path run;

    private final TestStudio studio = new TestStudio();
    private StudioApp app;
    private Stage stage;
    private final Set<String> visited = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void trainedRun() throws Exception {
        run = TinyRuns.sharedRunCopy(tmp.resolve("runs"));
        EngineSetup.init();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = studio.start(stage, tmp.resolve("cache"), prefs -> { });
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    @AfterEach
    void clean() throws Exception {
        new FxRobot().interact(() -> Presentation.onProperty().set(false));
        studio.close();
    }

    @Test
    void everyScreenAndDialogFitsInBothLanguagesAndInPresentationMode(FxRobot robot) throws Exception {
        robot.interact(() -> app.context().engineReady(EngineSetup.init()));
        robot.interact(() -> new StudioController(app, app.context(), stage).openRun(run));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> run.equals(app.context().runFolderProperty().get()));
        // A folder with files the loader skips, so that the Data screen lists them with their reasons.
        robot.interact(() -> app.context().data().loadFolder(folderWithSkippedFiles(), 16));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.context().data().reportProperty().get() != null
                && !app.context().data().reportProperty().get().skipped().isEmpty());
        everyView(robot, Screens.all());
        // Training: the Train screen's state, activity and numbers while a run goes on (the classroom preset's
        // 5,000 steps, on the built-in digits).
        robot.interact(() -> {
            app.context().model().applyPreset(ModelPreset.CLASSROOM_28);
            app.context().data().loadBuiltIn(28);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.context().data().stateProperty().get()
                == DataState.LOADED && app.context().data().loadedSizeProperty().get() == 28);
        robot.interact(() -> app.showScreen(Screens.TRAIN.id()));
        robot.interact(() -> ((ButtonBase) stage.getScene().lookup("#start")).fire());
        TrainViewModel train = app.context().work().train();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> train.stepProperty().get() >= 3
                && !Double.isNaN(train.etaSecondsProperty().get()));
        try {
            everyView(robot, List.of(Screens.TRAIN));
        } finally {
            robot.interact(train::stop);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !train.isTraining());
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private Path folderWithSkippedFiles() {
        Path folder = tmp.resolve("images");
        try {
            Random r = new Random(3);
            for (int i = 0; i < 24; i++) {
                TinyRuns.writePng(TinyRuns.normalImage(r), folder.resolve(String.format("image-%02d.png", i)));
            }
            Files.writeString(folder.resolve("a-photo-that-is-not-an-image-at-all.png"), "not a picture");
            Files.write(folder.resolve("empty-file-from-an-interrupted-copy.png"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** Each screen, then each dialog (with all of the screens), in both languages, normal and presenting. */
    private void everyView(FxRobot robot, List<Screen> screens) throws Exception {
        boolean all = screens.size() > 1;
        for (Language language : List.of(Language.ENGLISH, Language.JAPANESE)) {
            robot.interact(() -> app.setLanguage(language));
            for (boolean present : List.of(false, true)) {
                robot.interact(() -> Presentation.onProperty().set(present));
                String view = (language == Language.JAPANESE ? "ja" : "en") + (present ? "-present" : "-normal")
                        + (all ? "" : "-training");
                for (Screen s : screens) {
                    robot.interact(() -> app.showScreen(s.id()));
                    if (visited.add(s.id())) {
                        firstLook(s);
                    }
                    check(robot, stage.getScene(), view + "-" + s.id(), language, present);
                }
                if (all) {
                    dialogs(robot, view, language, present);
                }
            }
        }
    }

    /** A screen's first look at the run: Explore loads the generator, Inspect the run's models. */
    private void firstLook(Screen s) throws Exception {
        if (s == Screens.EXPLORE) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> app.context().work().explore().sourceProperty().get() != null);
        } else if (s == Screens.INSPECT) {
            Thread.sleep(2000);
        }
    }

    private void dialogs(FxRobot robot, String view, Language language, boolean present) throws Exception {
        StudioController controller = new StudioController(app, app.context(), stage);
        dialog(robot, view + "-about", language, present, controller::about);
        dialog(robot, view + "-quit", language, present, () -> QuitDialog.create(stage).show());
        dialog(robot, view + "-lesson-save", language, present, controller::saveLesson);
        dialog(robot, view + "-game", language, present, controller::discriminatorGame);
        robot.interact(() -> app.showScreen(Screens.TRAIN.id()));
        dialog(robot, view + "-continue", language, present,
                () -> ((ButtonBase) stage.getScene().lookup("#continue")).fire());
        dialog(robot, view + "-nearest", language, present, () -> NearestDialog.create(stage,
                grey(16), neighbours(), new ExploreText(Messages::locale)).show());
    }

    private static ArgbFrame grey(int size) {
        int[] argb = new int[size * size];
        Arrays.fill(argb, 0xFF777777);
        return new ArgbFrame(size, size, argb);
    }

    private static NearestLookup.Result neighbours() {
        List<NearestLookup.Neighbour> near = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            near.add(new NearestLookup.Neighbour(i, grey(16).argb(), 1.25f + i));
        }
        return new NearestLookup.Result(16, near, near);
    }

    /** Opens a window (a dialog may wait in its own loop), checks it once it is up, and closes it. */
    private void dialog(FxRobot robot, String name, Language language, boolean present, Runnable open)
            throws Exception {
        List<Window> before = onFx(() -> new ArrayList<>(Window.getWindows()));
        Platform.runLater(open);
        FxTesting.waitFor(Duration.ofSeconds(20), () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && !before.contains(w)));
        Window opened = onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && !before.contains(w))
                .findFirst().orElseThrow());
        Thread.sleep(400);
        check(robot, opened.getScene(), name, language, present);
        robot.interact(opened::hide);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        return FxTesting.onFx(s);
    }

    private void check(FxRobot robot, Scene scene, String name, Language language, boolean present)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // Laid out and checked in one go on the FX thread: a text that changes in between (the status bar's job
        // ending) would otherwise be compared with what the last layout drew for the text before it.
        List<String> found = onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return LayoutCheck.problems(scene, language == Language.JAPANESE);
        });
        found.forEach(p -> problems.add(name + ": " + p));
        double size = onFx(() -> LayoutCheck.typicalFontSize(scene));
        if (present && size < 0.95 * 13 * Presentation.FONT_SCALE) {
            problems.add(name + ": not enlarged in presentation mode (its text is " + size + " px)");
        }
        String dir = System.getProperty("layout.shots");
        if (dir != null) {
            WritableImage image = onFx(() -> scene.snapshot(null));
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            png.setRGB(0, 0, w, h, argb, 0, w);
            Files.createDirectories(Path.of(dir));
            ImageIO.write(png, "png", Path.of(dir, name + ".png").toFile());
        }
    }
}
