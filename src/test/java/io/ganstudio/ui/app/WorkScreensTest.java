package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.explore.ExploreView;
import io.ganstudio.ui.train.TrainView;
import io.ganstudio.ui.train.TrainViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train and Explore in the real studio window (Monocle): navigation, refused settings, a language switch. */
@ExtendWith(ApplicationExtension.class)
class WorkScreensTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> { });
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
    }

    @Test
    void trainRefusesInvalidSettingsWithTheModelScreensReasons(FxRobot robot) {
        robot.clickOn("#nav-model");
        TextField latent = robot.lookup("#LATENT_SIZE").queryAs(TextField.class);
        robot.doubleClickOn(latent).eraseText(latent.getText().length() + 2).write("0");
        robot.clickOn("#nav-train");
        assertFalse(robot.lookup(".screen").match(n -> n instanceof TrainView).queryAll().isEmpty());
        robot.clickOn("#start");
        Label problems = robot.lookup("#problems").queryAs(Label.class);
        assertTrue(problems.isVisible() || problems.getParent().isVisible());
        assertTrue(problems.getText().contains("latent"), problems.getText());
        assertTrue(app.context().work().train().canStartProperty().get(), "nothing started");
    }

    @Test
    void aLanguageSwitchKeepsTheTrainingStateAndExploreIsReachable(FxRobot robot) {
        robot.clickOn("#nav-train");
        TrainViewModel before = app.context().work().train();
        robot.interact(() -> app.setLanguage(Language.JAPANESE));
        assertEquals("開始", robot.lookup("#start").queryAs(Button.class).getText());
        assertSame(before, app.context().work().train(), "the ViewModel outlives the rebuilt view");
        robot.clickOn("#nav-explore");
        assertFalse(robot.lookup(".screen").match(n -> n instanceof ExploreView).queryAll().isEmpty());
        robot.clickOn("#openCurrent");
        assertFalse(robot.lookup("#exploreStatus").queryAs(Label.class).getText().isEmpty(),
                "no run yet: the screen says so");
    }
}
