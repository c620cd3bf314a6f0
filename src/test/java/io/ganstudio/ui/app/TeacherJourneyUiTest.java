package io.ganstudio.ui.app;

import io.ganstudio.cli.Cli;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.explore.ExploreView;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.lesson.LessonText;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.train.TrainText;
import io.ganstudio.ui.train.TrainViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One class hour in the real window (Monocle, headless), the way a teacher walks it: the built-in data, the
 * Classroom preset, two runs, Explore and Inspect following them, a live switch to Japanese, then a lesson file.
 * The runs train 30 steps instead of the preset's 1,500 so the walk stays within a minute; the screens behave the
 * same at any length.
 */
@ExtendWith(ApplicationExtension.class)
class TeacherJourneyUiTest {

    private static final Duration LONG = Duration.ofSeconds(60);

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

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void train(FxRobot robot, TrainViewModel vm) throws Exception {
        robot.clickOn("#nav-train");
        waitFor(LONG, () -> text(robot, "#stepLabel").contains("Ready: 30 steps planned"));
        robot.clickOn("#start");
        waitFor(LONG, () -> vm.stateProperty().get() == SessionState.FINISHED);
        robot.interact(() -> { });
        assertEquals("Finished", text(robot, "#stateLabel"));
        // The ended run's last step, and what Start would train next: a new run, not more of this one.
        assertTrue(text(robot, "#stepLabel").startsWith("Step 30 of 30 \u00b7 Ready: 30 steps planned"),
                text(robot, "#stepLabel"));
        assertFalse(text(robot, "#historyStep").contains("live"), "nothing trains: " + text(robot, "#historyStep"));
    }

    @Test
    void aTeachersWalkFromTheBuiltInDataToALesson(FxRobot robot) throws Exception {
        app.context().useRunsRoot(tmp.resolve("runs"));
        waitFor(LONG, () -> app.context().data().stateProperty().get() == DataState.LOADED);

        robot.clickOn("#nav-model");
        @SuppressWarnings("unchecked")
        ComboBox<ModelPreset> preset = robot.lookup("#preset").queryAs(ComboBox.class);
        robot.interact(() -> preset.getSelectionModel().select(ModelPreset.CLASSROOM_28));
        assertEquals(ModelPreset.CLASSROOM_28, app.context().model().presetProperty().get());
        TextField steps = robot.lookup("#STEPS").queryAs(TextField.class);
        robot.interact(() -> steps.setText("30")); // the field lies below the fold of the form's scroll pane
        assertEquals(30L, app.context().model().trainProperty().get().steps());

        TrainViewModel vm = app.context().work().train();
        train(robot, vm);
        Path first = vm.runDirProperty().get();
        assertTrue(first.startsWith(tmp.resolve("runs")), "runs go to the chosen folder: " + first);
        assertEquals(30L, vm.stepProperty().get());

        // Explore opens the run just trained, offers its principal directions, and a slider changes the picture.
        robot.clickOn("#nav-explore");
        ExploreView explore = robot.lookup(".screen").match(n -> n instanceof ExploreView).queryAs(ExploreView.class);
        waitFor(LONG, () -> first.equals(explore.viewModel().openedPathProperty().get())
                && explore.viewModel().sliders().directionsReadyProperty().get() && explore.mainImage().frame() != null
                && robot.lookup("#slider0").tryQuery().isPresent());
        int[] before = explore.mainImage().frame().argb().clone();
        Slider slider = robot.lookup("#slider0").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(slider.getValue() > 0 ? -3 : 3));
        waitFor(LONG, () -> {
            ArgbFrame now = explore.mainImage().frame();
            return now != null && !Arrays.equals(before, now.argb());
        });

        // A second run: Explore and Inspect follow it.
        train(robot, vm);
        Path second = vm.runDirProperty().get();
        assertNotEquals(first, second);
        robot.clickOn("#nav-explore");
        ExploreView again = robot.lookup(".screen").match(n -> n instanceof ExploreView).queryAs(ExploreView.class);
        waitFor(LONG, () -> second.equals(again.viewModel().openedPathProperty().get()));
        robot.clickOn("#nav-inspect");
        waitFor(LONG, () -> second.getFileName().toString().equals(text(robot, "#inspectRun")));

        // Japanese, live: the window's words change, the work stays.
        robot.interact(() -> app.setLanguage(Language.JAPANESE));
        assertTrue(robot.lookup("#nav-train").queryAs(ToggleButton.class).getText().endsWith("学習"));
        assertTrue(robot.lookup("#nav-inspect").queryAs(ToggleButton.class).getText().endsWith("検査"));
        assertEquals(second.getFileName().toString(), text(robot, "#inspectRun"));

        // A lesson planned for 40 steps: Train is ready for it, not still showing the run that ended.
        GanConfig chosen = app.context().model().config();
        GanConfig lesson = chosen.withTrain(chosen.train().withSteps(40));
        Path file = tmp.resolve("week1" + LessonFile.EXTENSION);
        LessonFile.save(file, "Week 1", lesson, null, null, null);
        LessonActions actions = new LessonActions(app.context(), app.context().lesson(),
                new LessonText(Locale.JAPANESE), tmp.resolve("runs"), tmp.resolve("lessons"),
                dir -> app.context().setRunFolder(dir),
                () -> ((ButtonBase) stage.getScene().lookup("#nav-train")).fire());
        robot.interact(() -> actions.open(file));
        waitFor(LONG, () -> app.context().lesson().openedProperty().get() != null
                && robot.lookup("#nav-train").queryAs(ToggleButton.class).isSelected());
        String ready = new TrainText(Locale.JAPANESE).format("label.ready", 40L);
        waitFor(LONG, () -> text(robot, "#stepLabel").startsWith(ready));
        assertTrue(robot.lookup("#start").queryAs(Button.class).getText().equals("開始"));
        assertFalse(robot.lookup("#start").queryAs(Button.class).isDisabled(), "Start trains the lesson");
        assertEquals(40L, app.context().model().trainProperty().get().steps());
        assertTrue(Files.isDirectory(first) && Files.isDirectory(second), "the runs stay on disk");
    }

    @Test
    void classDirectionsOfAConditionalRunCanBeFoundTwiceAndCancelled(FxRobot robot) throws Exception {
        Path run = tmp.resolve("runs").resolve("cond");
        assertEquals(Cli.OK, Cli.run(new String[] {"train", "--conditional", "--size", "16", "--g-width", "4",
                "--d-width", "8", "--latent", "8", "--batch", "4", "--steps", "2", "--limit", "64",
                "--quality-every", "0", "--out", run.toString(), "--cache", cache.toString()}));
        app.context().useRunsRoot(tmp.resolve("runs"));
        robot.interact(() -> app.context().setRunFolder(run)); // as Run > Open run does
        robot.clickOn("#nav-explore");
        ExploreView explore = robot.lookup(".screen").match(n -> n instanceof ExploreView).queryAs(ExploreView.class);
        waitFor(LONG, () -> run.equals(explore.viewModel().openedPathProperty().get()));
        Button find = robot.lookup("#findDirections").queryAs(Button.class);
        Label info = robot.lookup("#directionsInfo").queryAs(Label.class);
        waitFor(LONG, () -> !find.isDisabled());
        for (int round = 1; round <= 2; round++) {
            robot.interact(find::fire); // the button may lie below the fold of the side panel
            assertTrue(find.isDisabled(), "round " + round + " is busy");
            waitFor(Duration.ofSeconds(120), () -> !find.isDisabled());
            assertTrue(info.getText().contains("samples, labelled by the evaluator"), "round " + round + ": "
                    + info.getText());
            int kept = LatentBook.open(run, 8).directions().size();
            // A two-step generator's samples may all look like one class: then none is kept, and the screen says so.
            assertTrue(info.getText().startsWith(kept + " directions"), info.getText());
            assertEquals(kept, robot.lookup(".slider").queryAll().stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("classSlider")).count(), "one slider each");
        }
        robot.interact(find::fire);
        Button cancel = robot.lookup("#cancelDirections").queryAs(Button.class);
        waitFor(LONG, cancel::isVisible);
        robot.interact(cancel::fire);
        waitFor(LONG, () -> !find.isDisabled());
        assertEquals("Cancelled; nothing was changed.", info.getText());
        assertFalse(cancel.isVisible());
    }
}
