package io.ganstudio.ui.app;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.session.TrainingSession;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.harness.Configs;
import io.ganstudio.ui.lesson.LessonText;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a lesson in the real window: screens set up, Train in front, the explanation hook raised; bad files refused. */
@ExtendWith(ApplicationExtension.class)
class LessonOpenUiTest {

    @TempDir
    static Path cache;
    @TempDir
    Path tmp;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        app = studio.start(s, cache, prefs -> { });
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
    }

    private LessonActions actions() {
        return new LessonActions(app.context(), app.context().lesson(), new LessonText(Locale.ENGLISH),
                tmp.resolve("runs"), tmp.resolve("lessons"), dir -> app.context().setRunFolder(dir),
                () -> ((ButtonBase) stage.getScene().lookup("#nav-train")).fire());
    }

    @Test
    void aLessonSetsTheScreensAndBringsUpTrainReadyAtStepZero(FxRobot robot) throws Exception {
        GanConfig lesson = Configs.builtIn(16, 4, 4, 40, 2);
        lesson = lesson.withTrain(lesson.train().withSteps(40));
        Path file = tmp.resolve("week1" + LessonFile.EXTENSION);
        LessonFile.save(file, "Week 1", lesson, null, null, null);
        robot.interact(() -> actions().open(file));
        waitFor(Duration.ofSeconds(60), () -> app.context().lesson().openedProperty().get() != null
                && app.context().data().stateProperty().get() == DataState.LOADED);
        robot.interact(() -> { });
        assertTrue(robot.lookup("#nav-train").queryAs(ToggleButton.class).isSelected());
        assertTrue(app.context().lesson().explanationsWantedProperty().get());
        assertTrue(app.context().explanations().isOpen(Screens.TRAIN),
                "a lesson starts with the Train screen's explanation open");
        assertEquals(7L, app.context().model().trainProperty().get().seed());
        assertEquals(40L, app.context().model().trainProperty().get().steps());
        // What Start trains is the lesson, setting for setting (the channels come from the data).
        GanConfig start = app.context().lesson().configToTrain(app.context().model().config());
        assertEquals(lesson.train(), start.train());
        assertEquals(lesson.data(), start.data());
        assertEquals(lesson.model().withChannels(start.model().channels()), start.model());
    }

    @Test
    void aSnapshotLessonOnAFolderShowsItsRunAtTheSnapshotsStepReadyToContinue(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(16, 16,
                    BufferedImage.TYPE_INT_RGB);
            img.setRGB(i, i, 0xFFFFFF);
            ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
        }
        GanConfig c = Configs.tiny(3).withData(DataSpec.folder(images.toString()));
        Path teacher = tmp.resolve("teacher");
        try (TrainingSession s = TrainingSession.newRun(c, teacher, null,
                e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS));
        }
        RunFolder run = RunFolder.open(teacher);
        Path checkpoint = Checkpoints.list(run.checkpointDir()).get(0);
        Path file = tmp.resolve("snap" + LessonFile.EXTENSION);
        LessonFile.save(file, "Snap", run.config(), DatasetLoader.load(run.config().data(), 16,
                LoadOptions.defaults(), null).dataset(), checkpoint, run.metricsFile());
        long step = Checkpoints.stepOf(checkpoint);

        robot.interact(() -> actions().open(file));
        try {
            waitFor(Duration.ofSeconds(60), () -> app.context().lesson().openedProperty().get() != null
                    && app.context().work().train().stepProperty().get() == step);
        } catch (AssertionError e) {
            throw new AssertionError("opened " + app.context().lesson().openedProperty().get() + ", step "
                    + app.context().work().train().stepProperty().get() + " of " + step + ", run "
                    + app.context().work().train().runDirProperty().get() + ", dialogs "
                    + robot.lookup(".dialog-pane").queryAll().stream()
                    .map(n -> ((DialogPane) n).getContentText()).toList(), e);
        }
        robot.interact(() -> { });
        Path lessonRun = app.context().lesson().openedProperty().get().runDir();
        assertTrue(lessonRun.startsWith(tmp.resolve("runs")), lessonRun.toString());
        assertEquals(lessonRun, app.context().work().train().runDirProperty().get());
        assertTrue(app.context().work().train().canContinueProperty().get());
        assertTrue(robot.lookup("#nav-train").queryAs(ToggleButton.class).isSelected());
        assertEquals(DataSpec.Kind.IDX,
                RunFolder.open(lessonRun).config().data().kind(), "the carried images");
    }

    @Test
    void aDamagedLessonIsRefusedWithAMessageAndChangesNothing(FxRobot robot) throws Exception {
        Path file = Files.write(tmp.resolve("bad" + LessonFile.EXTENSION), new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        long seedBefore = app.context().model().trainProperty().get().seed();
        robot.interact(() -> actions().open(file));
        waitFor(Duration.ofSeconds(20), () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        String shown = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertTrue(shown.contains("bad.ganlesson") && (shown.contains("damaged") || shown.contains("not a GAN Studio")),
                shown);
        assertFalse(robot.lookup("#nav-train").queryAs(ToggleButton.class).isSelected());
        assertEquals(seedBefore, app.context().model().trainProperty().get().seed());
        assertEquals(null, app.context().lesson().openedProperty().get());
    }
}
