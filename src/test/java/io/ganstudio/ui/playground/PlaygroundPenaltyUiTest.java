package io.ganstudio.ui.playground;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Playground screen's "Penalty on D", the command line's --penalty: 0.3 by default, 0 for mode collapse. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundPenaltyUiTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private PlaygroundViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PlaygroundViewModel(worker::execute, Platform::runLater, () -> Locale.ENGLISH);
        stage.setScene(new Scene(new PlaygroundView(vm, new PlaygroundText(Locale.ENGLISH), () -> stage), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void thePenaltyIsAControlThatSetsWhatTrains(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Double> penalty = robot.lookup("#pg-penalty").queryAs(Spinner.class);
        assertTrue(robot.lookup("Penalty on D").tryQuery().isPresent(), "labelled");
        assertEquals(0.3, penalty.getValue(), 1e-9, "the command line's default");
        assertEquals(0.3, vm.config().penalty(), 1e-9);
        robot.interact(() -> penalty.getValueFactory().setValue(1.5));
        assertEquals(1.5, vm.config().penalty(), 1e-9, "what the next step trains with");
        robot.interact(vm::showModeCollapse);
        assertEquals(0, penalty.getValue(), 1e-9, "mode collapse trains without it");
        robot.interact(vm::restoreDefaults);
        assertEquals(0.3, penalty.getValue(), 1e-9);
        robot.interact(() -> penalty.getValueFactory().setValue(50.0));
        assertEquals(10, vm.config().penalty(), 1e-9, "no more than the command line allows");
    }
}
