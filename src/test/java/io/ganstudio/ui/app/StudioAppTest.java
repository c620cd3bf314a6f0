package io.ganstudio.ui.app;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.data.DataState;
import io.ganstudio.ui.data.DataView;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.model.ModelView;
import io.ganstudio.ui.model.NumberField;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless (Monocle): navigation, the Model form, the built-in data, the language switch. */
@ExtendWith(ApplicationExtension.class)
class StudioAppTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> prefs.addRecentRun(savedRun().toString()));
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
    }

    @Test
    void opensOnTheDataScreenAndNavigates(FxRobot robot) {
        assertTrue(robot.lookup("#nav-data").queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup(".screen").match(n -> n instanceof DataView).queryAll().isEmpty());
        robot.clickOn("#nav-model");
        assertTrue(robot.lookup("#nav-model").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup(".screen").queryAll().stream().anyMatch(n -> n instanceof ModelView));
        robot.clickOn("#nav-data");
        assertTrue(robot.lookup(".screen").queryAll().stream().anyMatch(n -> n instanceof DataView));
    }

    @Test
    void modelFormRefusesABadValue(FxRobot robot) {
        robot.clickOn("#nav-model");
        TextField latent = robot.lookup("#LATENT_SIZE").queryAs(TextField.class);
        robot.doubleClickOn(latent).eraseText(latent.getText().length() + 2).write("0");
        assertFalse(app.context().model().validProperty().get());
        VBox problems = robot.lookup("#problems").queryAs(VBox.class);
        String shown = ((Label) problems.getChildren().get(0)).getText();
        assertTrue(shown.contains("latent size"), shown);
        robot.eraseText(1).write("64");
        assertTrue(app.context().model().validProperty().get());
    }

    @Test
    void builtInDatasetLoadsIntoTheGrid(FxRobot robot) throws Exception {
        waitFor(Duration.ofSeconds(60), () -> app.context().data().stateProperty().get() == DataState.LOADED);
        assertEquals(10_000, app.context().data().datasetProperty().get().count());
        GridView<?> grid = robot.lookup("#thumbnails").queryAs(GridView.class);
        assertEquals(10_000, grid.getItems().size());
        assertEquals(10_000, app.context().model().datasetSizeProperty().get());
    }

    @Test
    void switchingToJapaneseChangesTheTexts(FxRobot robot) {
        robot.clickOn("#nav-model");
        robot.clickOn("View").clickOn("Language").clickOn("\u65e5\u672c\u8a9e");
        assertEquals("\u25c8  \u30e2\u30c7\u30eb", robot.lookup("#nav-model").queryAs(ToggleButton.class).getText());
        // The screen stays, and so does the work in it.
        assertTrue(robot.lookup("#nav-model").queryAs(ToggleButton.class).isSelected());
        assertEquals(Language.JAPANESE, studio.savedPrefs().language());
    }

    @Test
    void measureSpeedRunsRealStepsAndShowsImagesPerSecond(FxRobot robot) throws Exception {
        robot.clickOn("#nav-model");
        robot.clickOn("#measureSpeed");
        waitFor(Duration.ofSeconds(120), () -> !app.context().model().measuringProperty().get());
        double ips = app.context().model().imagesPerSecondProperty().get();
        assertTrue(ips > 0, "images per second: " + ips + ", error: " + app.context().model().measureErrorProperty().get());
        assertTrue(robot.lookup("#stat-speed").queryAs(Label.class).getText().contains("images/s"));
    }

    private static Path savedRun() {
        Path dir = cache.resolve("run-lsgan");
        if (!RunFolder.isRunFolder(dir)) {
            try {
                ModelConfig m = new ModelConfig(32, 1, 50, 16, 16, Normalization.BATCH_NORM);
                TrainConfig t = TrainConfig.defaults().withSteps(321);
                RunFolder.create(dir, new GanConfig(DataSpec.builtIn(), m, t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    @Test
    void openRecentRunFillsTheModelForm(FxRobot robot) throws Exception {
        robot.clickOn("Run").clickOn("Open recent").clickOn(savedRun().toString());
        waitFor(Duration.ofSeconds(20), () -> savedRun().equals(app.context().runFolderProperty().get()));
        assertEquals(32, app.context().model().imageSizeProperty().get());
        assertEquals("50", app.context().model().text(NumberField.LATENT_SIZE).get());
        assertEquals(321, app.context().model().config().train().steps());
        // Opened before the Train screen was ever shown: it is there (and so Explore's "This run's latest").
        robot.clickOn("#nav-train");
        waitFor(Duration.ofSeconds(20), () -> savedRun().equals(app.context().work().currentRun()));
    }

    @Test
    void changingTheImageSizeOffersToLoadTheDataAgain(FxRobot robot) throws Exception {
        waitFor(Duration.ofSeconds(60), () -> app.context().data().stateProperty().get() == DataState.LOADED);
        robot.interact(() -> app.context().model().applyPreset(ModelPreset.DCGAN_32));
        Button reload = robot.lookup("#reloadData").queryAs(Button.class);
        assertTrue(reload.isVisible());
        assertTrue(reload.getText().contains("32"), reload.getText());
        robot.clickOn(reload);
        waitFor(Duration.ofSeconds(60), () -> app.context().data().loadedSizeProperty().get() == 32
                && app.context().data().stateProperty().get() == DataState.LOADED);
        assertFalse(robot.lookup("#reloadData").queryAs(Button.class).isVisible());
    }
}
