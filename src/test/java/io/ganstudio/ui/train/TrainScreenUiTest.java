package io.ganstudio.ui.train;

import io.ganstudio.session.SessionState;
import io.ganstudio.ui.harness.Configs;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains a tiny GAN through the real screen (Monocle, headless) and watches the grid and the charts move. */
@ExtendWith(ApplicationExtension.class)
class TrainScreenUiTest {

    @TempDir
    static Path runs;

    private TrainView view;

    @Start
    void start(Stage stage) {
        TrainText text = new TrainText(Locale.ENGLISH);
        TrainViewModel vm = new TrainViewModel(() -> Configs.tiny(400), runs, SessionFactory.engine(null),
                TrainingAlerts.silent(), text);
        view = new TrainView(vm, text);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    void trainingUpdatesGridAndChartsThenPauses(FxRobot robot) throws Exception {
        TrainViewModel vm = view.viewModel();
        robot.clickOn("#start");
        waitFor(60, () -> vm.stepProperty().get() >= 3 && view.history().pixels().frame() != null);
        int[] early = view.history().pixels().frame().argb().clone();
        int pointsEarly = view.charts().pointCount();
        assertTrue(pointsEarly > 0, "the charts have points");
        waitFor(60, () -> vm.stepProperty().get() >= 12 && view.charts().pointCount() > pointsEarly);
        waitFor(30, () -> !Arrays.equals(early, view.history().pixels().frame().argb()));
        Label history = robot.lookup("#historyStep").queryAs(Label.class);
        waitFor(30, () -> history.getText().endsWith("(live)")); // following the grids as they come
        robot.clickOn("#pause");
        waitFor(30, () -> vm.stateProperty().get() == SessionState.PAUSED);
        assertFalse(history.getText().contains("live"), "paused: " + history.getText());
        assertFalse(robot.lookup("#resume").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#pause").queryAs(Button.class).isDisabled());
        long pausedAt = vm.stepProperty().get();
        robot.clickOn("#step");
        waitFor(30, () -> vm.stepProperty().get() == pausedAt + 1);
        assertTrue(vm.samples().size() >= 2, "the history slider has grids to scrub");
        robot.clickOn("#stop");
        waitFor(30, () -> vm.stateProperty().get() == SessionState.FINISHED);
        Path dir = vm.runDirProperty().get();
        assertNotNull(dir);
        assertTrue(Files.exists(dir.resolve("metrics.csv")));
        assertFalse(robot.lookup("#continue").queryAs(Button.class).isDisabled());
        assertEquals(pausedAt + 1, vm.stepProperty().get());
        assertNotEquals(0, view.charts().pointCount());
        assertTrue(history.getText().startsWith("Step ") && !history.getText().contains("live"), history.getText());
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
