package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluating tiny runs: a folder run with its contact sheet, a conditional built-in run with its classes. */
@OnBothEngines
class RunEvaluationTest {

    private static LoadedCheckpoint newest(Path run) throws Exception {
        return Checkpoints.readLatestGenerator(RunFolder.open(run).checkpointDir());
    }

    @Test
    void aFolderRunIsMeasuredInPixelsWithItsContactSheetAndTheSameSeedGivesTheSameFigures(@TempDir Path tmp)
            throws Exception {
        Path run = TinyRuns.sharedRunCopy(tmp);
        Path sheet = tmp.resolve("sheet.png");
        List<RunEvaluation.Stage> stages = new ArrayList<>();
        RunEvaluation.Result r = RunEvaluation.evaluate(new RunEvaluation.Request(run, newest(run), 40, 3, 100, 2, 3,
                sheet, null), stages::add, () -> false);
        assertEquals(List.of(RunEvaluation.Stage.LOADING_IMAGES, RunEvaluation.Stage.GENERATING,
                RunEvaluation.Stage.MEASURING, RunEvaluation.Stage.CONTACT_SHEET), stages);
        assertEquals(40, r.report().samples());
        assertEquals(100, r.report().realImages());
        assertNull(r.report().classifier(), "a folder run has no classifier measures");
        assertNotNull(r.distances().features(), "KID in the run's discriminator's features");
        assertTrue(Double.isFinite(r.distances().pixels().value()) && Double.isFinite(r.distances().pixels().floor()));
        assertNull(r.agreement());
        assertEquals(200, r.checkpoint().step());
        assertEquals(sheet, r.sheet());
        BufferedImage image = ImageIO.read(sheet.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 3 * TinyRuns.SIZE && image.getHeight() > 3 * TinyRuns.SIZE,
                image.getWidth() + "x" + image.getHeight());

        RunEvaluation.Result again = RunEvaluation.evaluate(new RunEvaluation.Request(run, newest(run), 40, 3, 100,
                0, 3, null, null), s -> { }, () -> false);
        assertNull(again.sheet());
        assertEquals(r.report().diversity().samples(), again.report().diversity().samples(), 0.0);
        assertEquals(r.distances().pixels().value(), again.distances().pixels().value(), 0.0);
        assertEquals(r.distances().features().value(), again.distances().features().value(), 0.0);
        assertEquals(r.report().memorisation().medianSampleDistance(),
                again.report().memorisation().medianSampleDistance(), 0.0);
    }

    @Test
    void cancellingWhileGeneratingStopsBeforeTheSheet(@TempDir Path tmp) throws Exception {
        Path run = TinyRuns.sharedRunCopy(tmp);
        Path sheet = tmp.resolve("sheet.png");
        boolean[] generating = {false};
        assertThrows(CancellationException.class, () -> RunEvaluation.evaluate(new RunEvaluation.Request(run,
                newest(run), 200, 0, 100, 2, 3, sheet, null),
                s -> generating[0] |= s == RunEvaluation.Stage.GENERATING, () -> generating[0]));
        assertTrue(Files.notExists(sheet));
    }

    @Test
    void aConditionalBuiltInRunGetsTheClassifierMeasuresAndHowOftenItsSamplesAreTheirClass(@TempDir Path tmp)
            throws Exception {
        ImageDataset builtIn = DatasetLoader.load(DataSpec.builtIn(), 16, LoadOptions.defaults(), null).dataset();
        ModelConfig model = new ModelConfig(16, 1, 8, 8, 8, Normalization.BATCH_NORM)
                .withClasses(builtIn.classNames());
        Path run = TinyRuns.train(tmp.resolve("run"), builtIn, 2, DataSpec.builtIn(), model).dir();
        List<RunEvaluation.Stage> stages = new ArrayList<>();
        RunEvaluation.Result r = RunEvaluation.evaluate(new RunEvaluation.Request(run, newest(run), 40, 0, 200, 0, 1,
                null, null), stages::add, () -> false);
        assertEquals(RunEvaluation.Stage.CLASS_AGREEMENT, stages.get(stages.size() - 1));
        assertNotNull(r.report().classifier());
        assertEquals(10, r.report().classifier().classShares().length);
        RunEvaluation.ClassAgreement a = r.agreement();
        assertNotNull(a);
        assertEquals(10, a.perClass().length);
        // 40 samples ask for each of the 10 classes 4 times: the overall share is the mean of the classes' shares.
        assertEquals(Arrays.stream(a.perClass()).average().orElseThrow(), a.overall(), 1e-12);
        assertTrue(Arrays.stream(a.perClass()).allMatch(p -> p >= 0 && p <= 1 && p * 4 == Math.rint(p * 4)),
                Arrays.toString(a.perClass()));
    }
}
