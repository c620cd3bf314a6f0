package io.ganstudio.ui.inspect;

import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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

/** As Explore does, Inspect opens the run on the Train screen by itself, and the next one trained there. */
@ExtendWith(ApplicationExtension.class)
class InspectOpensJustTrainedUiTest {

    @TempDir
    static Path tmp;
    static Path first;
    static Path second;
    static BackgroundTasks tasks;

    private final StackPane root = new StackPane();
    private volatile Path current;

    @BeforeAll
    static void runs() throws Exception {
        first = TinyRuns.sharedRunCopy(tmp.resolve("a"));
        second = TinyRuns.sharedRunCopy(tmp.resolve("b"));
        tasks = new BackgroundTasks();
    }

    @AfterAll
    static void stop() {
        tasks.shutdown();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
    }

    /** A view of {@code vm} comes on screen, as the studio's Inspect does each time it is shown. */
    private InspectView show(FxRobot robot, InspectViewModel vm) {
        InspectText text = new InspectText(() -> Locale.ENGLISH);
        InspectView view = new InspectView(vm, text, () -> null, () -> current);
        robot.interact(() -> root.getChildren().setAll(view));
        return view;
    }

    private static void waitFor(InspectViewModel vm, Path run) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.equals(vm.runProperty().get()) && vm.isIdle());
    }

    @Test
    void theTrainScreensRunOpensByItselfAndARunTheUserChoseStays(FxRobot robot) throws Exception {
        InspectViewModel vm = new InspectViewModel(tasks, new InspectText(() -> Locale.ENGLISH), tmp.resolve("c"));
        current = first;
        show(robot, vm);
        waitFor(vm, first);

        current = second; // trained next
        robot.interact(() -> root.getChildren().clear());
        show(robot, vm);
        waitFor(vm, second);

        robot.interact(() -> vm.openRun(first)); // the user's choice (Open run…)
        waitFor(vm, first);
        robot.interact(() -> root.getChildren().clear());
        show(robot, vm);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(vm, first);
        assertEquals(first, vm.runProperty().get(), "what the user opened stays");
    }
}
