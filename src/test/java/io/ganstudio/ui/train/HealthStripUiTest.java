package io.ganstudio.ui.train;

import io.ganstudio.core.health.HealthIssue;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.ui.harness.Configs;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health strip beside the charts: healthy, a warning with its advice on click, cleared again; in Japanese too. */
@ExtendWith(ApplicationExtension.class)
class HealthStripUiTest {

    @TempDir
    static Path runs;

    private TrainView view;
    private TrainView japanese;

    @Start
    void start(Stage stage) {
        view = view(Locale.ENGLISH);
        japanese = view(Locale.JAPANESE);
        stage.setScene(new Scene(new HBox(view, japanese), 1200, 760));
        stage.show();
    }

    private static TrainView view(Locale locale) {
        TrainText text = new TrainText(locale);
        TrainViewModel vm = new TrainViewModel(() -> Configs.tiny(10), runs, SessionFactory.engine(null),
                TrainingAlerts.silent(), text);
        return new TrainView(vm, text);
    }

    private static void send(TrainView v, SessionEvent e) {
        v.viewModel().apply(new EventPump.Batch(List.of(), null, List.of(), List.of(e), null));
    }

    private static HealthWarning overpowering(boolean raised) {
        return new HealthWarning(HealthIssue.D_OVERPOWERS, raised, raised ? 180 : 420,
                Phrase.of("health.evidence.scores", "0.99", "0.01", 100));
    }

    @Test
    void aWarningShowsWithItsAdviceAndClears(FxRobot robot) {
        assertTrue(robot.from(view).lookup("#healthNoRun").tryQuery().isPresent(), "no run, nothing to call healthy");
        robot.interact(() -> view.viewModel().showRun(new RunSnapshot(runs, Configs.tiny(10), List.of(), List.of(),
                false)));
        assertFalse(robot.from(view).lookup("#healthHealthy").tryQuery().isPresent(), "not healthy before step 1");
        Label early = robot.from(view).lookup("#healthEarly").queryAs(Label.class);
        assertTrue(early.getText().contains("Too early to tell"), early.getText());
        robot.interact(() -> view.viewModel().showRun(new RunSnapshot(runs, Configs.tiny(10),
                List.of(new StepMetrics(150, 15, 1.2, 0.9, 0.7, 0.3, 32)), List.of(), false)));
        assertTrue(robot.from(view).lookup("#healthHealthy").tryQuery().isPresent(), "healthy before anything is wrong");
        robot.interact(() -> {
            send(view, new SessionEvent.Health(overpowering(true)));
            send(japanese, new SessionEvent.Health(overpowering(true)));
        });
        Label chip = robot.from(view).lookup("#health-dOverpowers").queryAs(Label.class);
        assertTrue(chip.getText().contains("Discriminator overpowering the generator"), chip.getText());
        assertTrue(chip.getText().contains("since step 180"), chip.getText());
        assertTrue(chip.getTooltip().getText().contains("Try: lower the discriminator's learning rate"));
        assertFalse(robot.from(view).lookup("#healthHealthy").tryQuery().isPresent());
        assertEquals("", view.healthStrip().detailText());
        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        String detail = view.healthStrip().detailText();
        assertTrue(detail.contains("Measured: mean D(x) 0.99 and D(G(z)) 0.01 over the last 100 steps."), detail);
        assertTrue(detail.contains("label smoothing"), detail);

        Label ja = robot.from(japanese).lookup("#health-dOverpowers").queryAs(Label.class);
        assertTrue(ja.getText().contains("識別器が生成器を圧倒"), ja.getText());
        assertTrue(ja.getTooltip().getText().contains("試すこと"), ja.getTooltip().getText());

        robot.interact(() -> send(view, new SessionEvent.Health(overpowering(false))));
        assertFalse(robot.from(view).lookup("#health-dOverpowers").tryQuery().isPresent());
        assertTrue(robot.from(view).lookup("#healthHealthy").tryQuery().isPresent());
        assertEquals("", view.healthStrip().detailText(), "the cleared warning's advice closes too");
    }

    @Test
    void aClickOnTheGridPicksThatSample(FxRobot robot) {
        // A 3x3 grid of 16x16 samples (9 images), each cell a different grey.
        float[] nchw = new float[9 * 16 * 16];
        for (int i = 0; i < 9; i++) {
            Arrays.fill(nchw, i * 256, (i + 1) * 256, -1f + i * 0.2f);
        }
        SampleGrid grid = SampleGrid.of(nchw, 9, 1, 16);
        robot.interact(() -> {
            // An opened 16x16 grey run (the tiny config), then its grid.
            view.viewModel().showRun(new RunSnapshot(runs, Configs.tiny(10), List.of(), List.of(), false));
            view.viewModel().apply(new EventPump.Batch(List.of(), new SessionEvent.SampleGrid(1, grid.width(),
                    grid.height(), grid.argb(), null), List.of(), List.of(), null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node pixels = view.history().pixels();
        Bounds b = pixels.getLayoutBounds();
        // The middle of the view is the middle cell (index 4); a gap between cells is no sample.
        var sample = view.gridPick().sampleAt(b.getWidth() / 2, b.getHeight() / 2);
        assertTrue(sample != null, "a sample under the middle of the grid");
        assertArrayEquals(SampleGrid.toArgb(nchw, 4, 1, 16), sample.argb());
    }
}
