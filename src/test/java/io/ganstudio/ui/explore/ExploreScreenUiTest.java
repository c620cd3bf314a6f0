package io.ganstudio.ui.explore;

import io.ganstudio.session.InteractionGate;
import io.ganstudio.session.TrainingSession;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.harness.Configs;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens a freshly trained tiny run on the real screen (Monocle, headless) and moves a slider. */
@ExtendWith(ApplicationExtension.class)
class ExploreScreenUiTest {

    @TempDir
    static Path runs;
    static Path run;

    private ExploreView view;
    /** The gate's clock moves only when the test moves it. */
    private final AtomicLong clock = new AtomicLong(1);
    private final InteractionGate gate = new InteractionGate(clock::get);

    @BeforeAll
    static void trainATinyRun() throws Exception {
        run = runs.resolve("tiny");
        try (TrainingSession s = TrainingSession.newRun(Configs.tiny(4), run, null, e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "the tiny run trains in time");
        }
    }

    @Start
    void start(Stage stage) {
        view = new ExploreView(new ExploreViewModel(Platform::runLater, () -> 42L, gate),
                new ExploreText(Locale.ENGLISH), () -> run);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    void aSliderChangesTheImage(FxRobot robot) throws Exception {
        robot.clickOn("#openCurrent");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.mainImage().frame() != null
                && view.viewModel().tilesProperty().get().stream().allMatch(t -> t != null));
        assertTrue(view.viewModel().pickedSeedProperty().get() == 42L);
        int[] before = view.mainImage().frame().argb().clone();
        robot.interact(() -> view.viewModel().sliders().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS));
        WaitForAsyncUtils.waitForFxEvents(); // the sliders of the new mode replace the old ones: move one of those
        Slider slider = robot.lookup("#slider0").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(slider.getValue() > 0 ? -3 : 3));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(before,
                view.mainImage().frame().argb()));
        robot.clickOn("#tile5");
        FxTesting.waitFor(Duration.ofSeconds(30), () -> view.viewModel().pickedSeedProperty().get() == 47L);
        assertFalse(view.viewModel().editedProperty().get());
    }

    @Test
    void thePointerMovingOntoTheSlidersTellsTheGateAndAPointerAtRestDoesNot(FxRobot robot) throws Exception {
        robot.clickOn("#openCurrent");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.mainImage().frame() != null);
        robot.moveTo("#tile0");
        WaitForAsyncUtils.waitForFxEvents();
        clock.addAndGet(InteractionGate.NEARBY_NANOS + 1);
        robot.moveTo("#tile3"); // movement elsewhere on the screen
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(gate.busy(), "movement over the grid does not hold training");
        assertFalse(gate.nearby());
        robot.moveTo("#slider2"); // real pointer movement: MOUSE_MOVED events on the way onto the slider
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gate.busy(), "the hand on its way to a slider was not noticed");
        clock.addAndGet(InteractionGate.GRACE_NANOS);
        assertFalse(gate.busy(), "a pointer resting on a slider must not hold training");
    }
}
