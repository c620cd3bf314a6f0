package io.ganstudio.ui;

import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.shell.Screen;
import io.ganstudio.ui.shell.Screens;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen and dialog at 1280x800, in English and Japanese, with and without presentation mode: no text is cut
 * or runs off the window, none lies on another, no screen is wider than the window, and no word of the other language
 * is left. With {@code -Dlayout.shots=DIR} it also writes each view as a PNG there, to look at.
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
        for (Language language : List.of(Language.ENGLISH, Language.JAPANESE)) {
            robot.interact(() -> app.setLanguage(language));
            for (boolean present : List.of(false, true)) {
                robot.interact(() -> Presentation.onProperty().set(present));
                String view = (language == Language.JAPANESE ? "ja" : "en") + (present ? "-present" : "-normal");
                for (Screen s : Screens.all()) {
                    robot.interact(() -> app.showScreen(s.id()));
                    if (visited.add(s.id())) {
                        Thread.sleep(3000); // its first look at the run: a generator to load, scores to compute
                    }
                    check(robot, stage.getScene(), view + "-" + s.id(), language);
                }
                dialogs(robot, view, language);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private void dialogs(FxRobot robot, String view, Language language) throws Exception {
        StudioController controller = new StudioController(app, app.context(), stage);
        dialog(robot, view + "-about", language, controller::about);
        dialog(robot, view + "-quit", language, () -> QuitDialog.create(stage).show());
        dialog(robot, view + "-lesson-save", language, controller::saveLesson);
        dialog(robot, view + "-game", language, controller::discriminatorGame);
        robot.interact(() -> app.showScreen(Screens.TRAIN.id()));
        dialog(robot, view + "-continue", language,
                () -> ((ButtonBase) stage.getScene().lookup("#continue")).fire());
        dialog(robot, view + "-nearest", language, () -> io.ganstudio.ui.explore.NearestDialog.create(stage,
                grey(16), neighbours(), new io.ganstudio.ui.explore.ExploreText(Messages::locale)).show());
    }

    private static io.ganstudio.ui.fxutil.ArgbFrame grey(int size) {
        int[] argb = new int[size * size];
        java.util.Arrays.fill(argb, 0xFF777777);
        return new io.ganstudio.ui.fxutil.ArgbFrame(size, size, argb);
    }

    private static io.ganstudio.core.quality.NearestLookup.Result neighbours() {
        List<io.ganstudio.core.quality.NearestLookup.Neighbour> near = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            near.add(new io.ganstudio.core.quality.NearestLookup.Neighbour(i, grey(16).argb(), 1.25f + i));
        }
        return new io.ganstudio.core.quality.NearestLookup.Result(16, near, near);
    }

    /** Opens a window (a dialog may wait in its own loop), checks it once it is up, and closes it. */
    private void dialog(FxRobot robot, String name, Language language, Runnable open) throws Exception {
        List<Window> before = onFx(() -> new ArrayList<>(Window.getWindows()));
        Platform.runLater(open);
        FxTesting.waitFor(Duration.ofSeconds(20), () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && !before.contains(w)));
        Window opened = onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && !before.contains(w))
                .findFirst().orElseThrow());
        Thread.sleep(400);
        check(robot, opened.getScene(), name, language);
        robot.interact(opened::hide);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(java.util.function.Supplier<T> s) throws Exception {
        return FxTesting.onFx(s);
    }

    private void check(FxRobot robot, Scene scene, String name, Language language) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scene.getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = onFx(() -> LayoutCheck.problems(scene, language == Language.JAPANESE));
        found.forEach(p -> problems.add(name + ": " + p));
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
            javax.imageio.ImageIO.write(png, "png", Path.of(dir, name + ".png").toFile());
        }
    }
}
