package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.explain.ExplanationPanel;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.train.TrainView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation mode and the "What am I seeing?" panels in the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class ClassroomUiTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> { });
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void clean() throws Exception {
        new FxRobot().interact(() -> Presentation.onProperty().set(false));
        studio.close();
    }

    private static double fontOf(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ToggleButton.class).getFont().getSize();
    }

    @Test
    void presentationModeMakesTheTextAtLeastHalfAgainLargerIsRememberedAndTogglesLive(FxRobot robot) {
        assertFalse(Presentation.isOn());
        double nav = fontOf(robot, "#nav-data");
        robot.clickOn("#nav-model");
        Label formLabel = robot.lookup(".form-label").queryAs(Label.class);
        double form = formLabel.getFont().getSize();
        robot.clickOn("View").clickOn("Presentation mode");
        assertTrue(Presentation.isOn());
        assertTrue(studio.savedPrefs().presentation(), "remembered");
        assertTrue(fontOf(robot, "#nav-data") >= 1.5 * nav, fontOf(robot, "#nav-data") + " vs " + nav);
        assertTrue(formLabel.getFont().getSize() >= 1.5 * form, formLabel.getFont().getSize() + " vs " + form);
        // The shortcut switches it back, live.
        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertFalse(Presentation.isOn());
        assertFalse(studio.savedPrefs().presentation());
        assertEquals(nav, fontOf(robot, "#nav-data"), 0.01);
        assertEquals(form, formLabel.getFont().getSize(), 0.01);
    }

    @Test
    void presentationModeFoldsTheAdvancedModelSettingsAway(FxRobot robot) {
        robot.clickOn("#nav-model");
        assertTrue(robot.lookup("#advancedSettings").tryQuery().isEmpty());
        Node spectral = robot.lookup("#spectralNorm").query();
        assertTrue(spectral.isVisible() && spectral.getScene() != null);
        robot.interact(() -> Presentation.onProperty().set(true));
        TitledPane advanced = robot.lookup("#advancedSettings").queryAs(TitledPane.class);
        assertFalse(advanced.isExpanded(), "folded");
        assertTrue(isInside(spectral, advanced), "the stability settings are in the folded section");
        assertNotNull(robot.lookup("#GENERATOR_LR").query().getScene(), "learning rates stay in sight");
        robot.interact(() -> Presentation.onProperty().set(false));
        assertFalse(isInside(spectral, advanced));
        assertNull(advanced.getScene());
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void presentationModeScalesTheSampleGridUpToFillItsPane(FxRobot robot) {
        robot.clickOn("#nav-train");
        TrainView train = robot.lookup(".screen").match(n -> n instanceof TrainView).queryAs(TrainView.class);
        PixelView pixels = train.history().pixels();
        int[] argb = new int[242 * 242];
        Arrays.fill(argb, 0xFF808080);
        robot.interact(() -> pixels.show(new ArgbFrame(242, 242, argb))); // an 8x8 grid of 28x28 samples
        robot.interact(() -> { });
        double pane = Math.min(pixels.getWidth(), pixels.getHeight());
        double normal = pixels.shownWidth();
        assertEquals(242.0 * Math.max(1, Math.floor(pane / 242)), normal, 0.5, "whole factors when not presenting");
        robot.interact(() -> Presentation.onProperty().set(true));
        robot.interact(() -> { });
        double presentPane = Math.min(pixels.getWidth(), pixels.getHeight());
        double shown = pixels.shownWidth();
        assertTrue(shown >= presentPane - 1, "fills its pane: " + shown + " of " + presentPane);
        assertTrue(shown > normal, shown + " vs " + normal);
        assertTrue(pixels.scale() >= 2, "upscaled by a whole factor first (nearest neighbour): " + pixels.scale());
        // Folded away while presenting: the smoothing slider, and the quality chart until it has a measurement.
        assertFalse(robot.lookup("#smoothing").query().getParent().isVisible(), "the smoothing row");
        assertFalse(train.qualityChart().view().isVisible());
        assertEquals(Palette.OKABE_ITO, Presentation.palette());
        assertEquals(2f, Presentation.lineScale());
        robot.interact(() -> Presentation.onProperty().set(false));
        assertTrue(robot.lookup("#smoothing").query().getParent().isVisible());
        assertTrue(train.qualityChart().view().isVisible());
        assertEquals(Palette.STANDARD, Presentation.palette());
    }

    @Test
    void everyScreenHasItsPanelWhichTogglesAndOpensFromCode(FxRobot robot) throws Exception {
        for (Screen s : Screens.all()) {
            robot.clickOn("#nav-" + s.id());
            ToggleButton toggle = robot.lookup("#explain-" + s.id()).queryAs(ToggleButton.class);
            ExplanationPanel panel = robot.lookup("#explain-panel-" + s.id()).queryAs(ExplanationPanel.class);
            assertFalse(panel.isVisible(), s.id());
            robot.clickOn(toggle);
            assertTrue(panel.isVisible(), s.id());
            assertTrue(toggle.isSelected());
            FxTesting.waitFor(Duration.ofSeconds(10), () -> panel.getWidth() > 200); // laid out at the next pulse
            assertTrue(panel.getWidth() > 200, s.id() + " panel width " + panel.getWidth());
            assertTrue(ExplanationPanel.paragraphs(s.id()).size() >= 3, s.id());
            robot.clickOn("#explain-close-" + s.id());
            assertFalse(panel.isVisible(), s.id());
            assertFalse(toggle.isSelected());
        }
        // A lesson opens the Train screen's panel from code; it stays open through a language switch.
        robot.interact(() -> app.context().explanations().show(Screens.TRAIN));
        robot.clickOn("#nav-train");
        assertTrue(robot.lookup("#explain-panel-train").query().isVisible());
        robot.interact(() -> app.setLanguage(Language.JAPANESE));
        ExplanationPanel ja = robot.lookup("#explain-panel-train").queryAs(ExplanationPanel.class);
        assertTrue(ja.isVisible());
        assertTrue(robot.lookup("#explain-train").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.from(ja).lookup(".explain-heading").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("モード崩壊")));
        robot.interact(() -> app.context().explanations().hide(Screens.TRAIN));
        assertFalse(ja.isVisible());
    }
}
