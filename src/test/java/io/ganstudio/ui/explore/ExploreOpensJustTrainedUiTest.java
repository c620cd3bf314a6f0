package io.ganstudio.ui.explore;

import io.ganstudio.session.TrainingSession;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.harness.Configs;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
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
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
    /** How often a view has asked which run the Train screen holds: the event that each "stays as it is" waits on. */
    private final AtomicInteger asked = new AtomicInteger();
    private final Supplier<Path> currentRun = () -> {
        asked.incrementAndGet();
        return current;
    };

    /**
     * Waits until a view has asked for the Train screen's run since {@code before}, and until what it decided on
     * the FX thread has run, so that a "nothing opened" assertion checks the decision instead of a guess at time.
     */
    private void awaitAsked(int before) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> asked.get() > before);
        WaitForAsyncUtils.waitForFxEvents();
        // A decision to open goes through background work (the checkpoint list, then the generator): wait until the
        // studio's background tasks are done and nothing new was started by what they handed back.
        Task<?> seen;
        do {
            seen = BackgroundTasks.common().latestProperty().get();
            if (seen != null) {
                Task<?> task = seen;
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, task::isDone);
            }
            WaitForAsyncUtils.waitForFxEvents();
        } while (seen != BackgroundTasks.common().latestProperty().get());
    }

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
        return show(robot, new ExploreViewModel(Platform::runLater, () -> 1L));
    }

    /** A view of {@code vm} comes on screen, as the studio's Explore does each time it is shown. */
    private ExploreView show(FxRobot robot, ExploreViewModel vm) {
        ExploreView view = new ExploreView(vm, new ExploreText(Locale.ENGLISH), currentRun);
        robot.interact(() -> root.getChildren().setAll(view));
        return view;
    }

    @Test
    void aRunArrivingOnTheTrainScreenWhileExploreIsShownOpens(FxRobot robot) throws Exception {
        current = null;
        ObjectProperty<Path> trainRun = new SimpleObjectProperty<>();
        ExploreView view = new ExploreView(new ExploreViewModel(Platform::runLater, () -> 1L),
                new ExploreText(Locale.ENGLISH), currentRun).following(trainRun);
        int before = asked.get();
        robot.interact(() -> root.getChildren().setAll(view));
        awaitAsked(before);
        assertNull(view.viewModel().sourceProperty().get());
        current = run; // the run opened from the Run menu reaches the Train screen a moment later
        robot.interact(() -> trainRun.set(run));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.equals(view.viewModel().openedPathProperty().get()));
    }

    @Test
    void aSecondTrainingReplacesTheRunThatOpenedByItselfButNotOneTheUserChose(FxRobot robot) throws Exception {
        ExploreViewModel vm = new ExploreViewModel(Platform::runLater, () -> 1L);
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
        int before = asked.get();
        show(robot, vm); // the Train screen holds the second run: it must not replace what the user chose
        awaitAsked(before);
        assertEquals(run, vm.openedPathProperty().get(), "what the user opened stays");
    }

    @Test
    void theRunOnTheTrainScreenOpensByItself(FxRobot robot) throws Exception {
        current = null;
        int before = asked.get();
        ExploreView empty = show(robot);
        awaitAsked(before);
        assertNull(empty.viewModel().sourceProperty().get());

        current = run;
        ExploreView view = show(robot);
        FxTesting.waitFor(Duration.ofSeconds(60), () -> view.viewModel().sourceProperty().get() != null);
        assertEquals(run, view.viewModel().openedPathProperty().get());
    }
}
