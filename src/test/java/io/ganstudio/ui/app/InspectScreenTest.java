package io.ganstudio.ui.app;

import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.inspect.InspectView;
import io.ganstudio.ui.inspect.InspectViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inspect screen in the real studio window (Monocle): reachable, nothing to do before a run, both languages. */
@ExtendWith(ApplicationExtension.class)
class InspectScreenTest {

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
    void inspectIsReachableAndWaitsForARun(FxRobot robot) {
        robot.clickOn("#nav-inspect");
        assertFalse(robot.lookup(".screen").match(n -> n instanceof InspectView).queryAll().isEmpty());
        assertTrue(robot.lookup("#inspectFit").queryAs(Button.class).isDisabled(), "no run: nothing to fit");
        assertTrue(robot.lookup("#inspectFolder").queryAs(Button.class).isDisabled(), "no encoder: nothing to score");
        assertTrue(robot.lookup("#inspectTable").queryAs(TableView.class).getItems().isEmpty());
        InspectViewModel before = InspectViewModel.of(app.context(), null, null, null);
        @SuppressWarnings("unchecked")
        ComboBox<ScoreMethod> method = robot.lookup("#inspectMethod").queryAs(ComboBox.class);
        assertEquals(ScoreMethod.DEFAULT, method.getValue(), "the combined score is the default");
        assertEquals(List.of(ScoreMethod.values()), method.getItems(), "every score is offered");
        assertEquals("Combined (default)", method.getConverter().toString(method.getValue()));
        Label heatmap = robot.lookup("#inspectHeatmapTitle").queryAs(Label.class);
        assertEquals("Heatmap (combined)", heatmap.getText(), "the heatmap is the chosen score's");
        robot.interact(() -> method.setValue(ScoreMethod.ROTATION));
        assertEquals("D-feature turn check (self-supervised)", method.getConverter().toString(method.getValue()));
        assertEquals("Heatmap (turn check)", heatmap.getText());
        robot.interact(() -> method.setValue(ScoreMethod.PADIM));
        assertEquals(ScoreMethod.PADIM, before.methodProperty().get(), "the choice reaches the ViewModel");
        robot.interact(() -> app.setLanguage(Language.JAPANESE));
        assertEquals("エンコーダーを学習", robot.lookup("#inspectFit").queryAs(Button.class).getText());
        @SuppressWarnings("unchecked")
        ComboBox<ScoreMethod> ja = robot.lookup("#inspectMethod").queryAs(ComboBox.class);
        assertEquals(ScoreMethod.PADIM, ja.getValue(), "the choice outlives the language switch");
        assertEquals("Dの特徴のガウス分布（PaDiM）", ja.getConverter().toString(ja.getValue()));
        assertEquals("ヒートマップ（PaDiM の距離）",
                robot.lookup("#inspectHeatmapTitle").queryAs(Label.class).getText());
        robot.interact(() -> ja.setValue(ScoreMethod.DEFAULT));
        assertSame(before, InspectViewModel.of(app.context(), null, null, null), "the ViewModel outlives the view");
    }
}
