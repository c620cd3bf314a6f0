package io.ganstudio.ui.explore;

import io.ganstudio.session.TrainingSession;
import io.ganstudio.ui.harness.Configs;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coming to Explore after training opens that run without asking; with no run, Explore stays empty. */
@ExtendWith(ApplicationExtension.class)
class ExploreOpensJustTrainedUiTest {

    @TempDir
    static Path runs;
    static Path run;
    static Path second;

    private final StackPane root = new StackPane();
    private Path current;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        run = runs.resolve("tiny");
        try (TrainingSession s = TrainingSession.newRun(Configs.tiny(2), run, null, e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "the tiny run trains in time");
        }
        second = runs.resolve("second");
        try (TrainingSession s = TrainingSession.newRun(Configs.tiny(2), second, null, e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "the second tiny run trains in time");
        }
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 1000, 700));
        stage.show();
    }

    private ExploreView show(FxRobot robot) {
        return show(robot, new ExploreViewModel(javafx.application.Platform::runLater, () -> 1L));
    }

    /** A view of {@code vm} comes on screen, as the studio's Explore does each time it is shown. */
    private ExploreView show(FxRobot robot, ExploreViewModel vm) {
        ExploreView view = new ExploreView(vm, new ExploreText(Locale.ENGLISH), () -> current);
        robot.interact(() -> root.getChildren().setAll(view));
        return view;
    }

    @Test
    void aRunArrivingOnTheTrainScreenWhileExploreIsShownOpens(FxRobot robot) throws Exception {
        current = null;
        javafx.beans.property.ObjectProperty<Path> trainRun = new javafx.beans.property.SimpleObjectProperty<>();
        ExploreView view = new ExploreView(new ExploreViewModel(javafx.application.Platform::runLater, () -> 1L),
                new ExploreText(Locale.ENGLISH), () -> current).following(trainRun);
        robot.interact(() -> root.getChildren().setAll(view));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertNull(view.viewModel().sourceProperty().get());
        current = run; // the run opened from the Run menu reaches the Train screen a moment later
        robot.interact(() -> trainRun.set(run));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.equals(view.viewModel().openedPathProperty().get()));
    }

    @Test
    void aSecondTrainingReplacesTheRunThatOpenedByItselfButNotOneTheUserChose(FxRobot robot) throws Exception {
        ExploreViewModel vm = new ExploreViewModel(javafx.application.Platform::runLater, () -> 1L);
        current = run;
        show(robot, vm);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.equals(vm.openedPathProperty().get()));

        current = second; // trained next, without restarting the studio
        robot.interact(() -> root.getChildren().clear()); // another screen
        show(robot, vm);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> second.equals(vm.openedPathProperty().get()));

        ExploreView view = show(robot, vm);
        robot.interact(() -> view.open(run)); // chosen by the user (Open run…, the Run menu)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.equals(vm.openedPathProperty().get()));
        robot.interact(() -> root.getChildren().clear());
        show(robot, vm);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(run, vm.openedPathProperty().get(), "what the user opened stays");
    }

    @Test
    void theRunOnTheTrainScreenOpensByItself(FxRobot robot) throws Exception {
        current = null;
        ExploreView empty = show(robot);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertNull(empty.viewModel().sourceProperty().get());

        current = run;
        ExploreView view = show(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().sourceProperty().get() != null);
        assertEquals(run, view.viewModel().openedPathProperty().get());
    }
}
