package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.quality.ClassDirectionFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directions on tiny trained runs: principal directions are unit vectors, the same on every call; class directions
 * (a run on a few hundred of the built-in images, so the shipped evaluator labels its samples) are kept in the
 * run's latents.json, found again by {@link DirectionsJob#kept}, and drawn in a figure.
 */
@OnBothEngines
class DirectionsJobTest {

    @TempDir
    static Path dir;
    static Path flatRun;
    static Path builtInRun;

    @BeforeAll
    static void train() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        TinyRuns.writePng(TinyRuns.normalImage(new Random(1)), flat.resolve("a.png"));
        flatRun = TinyRuns.train(dir.resolve("flat-run"), TinyRuns.normalSet(32, 2), 5,
                DataSpec.folder(flat.toString())).dir();
        DataSpec fashion = DataSpec.builtIn().withLimit(300);
        builtInRun = TinyRuns.train(dir.resolve("builtin-run"), DatasetLoader.load(fashion, TinyRuns.SIZE,
                LoadOptions.defaults(), null).dataset(), 40, fashion).dir();
    }

    @Test
    void principalDirectionsAreUnitVectorsTheSameEveryTime() throws Exception {
        try (GeneratorRunner g = GeneratorRunner.load(GeneratorLoader.generator(flatRun))) {
            List<float[]> first = DirectionsJob.principal(g, 3).join();
            List<float[]> second = DirectionsJob.principal(g, 3).join();
            assertEquals(3, first.size());
            for (int i = 0; i < 3; i++) {
                double norm = 0;
                for (float v : first.get(i)) {
                    norm += v * v;
                }
                assertEquals(1.0, Math.sqrt(norm), 1e-3);
                assertArrayEquals(first.get(i), second.get(i), 1e-5f);
            }
        }
    }

    @Test
    void aFlatFolderRunHasNoClassesToFind() throws Exception {
        DirectionsJob.Kept kept = DirectionsJob.kept(flatRun, 8);
        assertTrue(kept.classDirections().isEmpty());
        assertFalse(kept.classesPossible());
        Exception e = assertThrows(Exception.class, () -> DirectionsJob.findClassDirections(flatRun,
                new ClassDirectionFit.Settings(200, 0, 1, dir.resolve("cache")), (s, f) -> { }, () -> false));
        assertTrue(e.getMessage().contains("no classes"), e.getMessage());
        RunNotUsableException outside = assertThrows(RunNotUsableException.class, () ->
                DirectionsJob.findClassDirections(dir.resolve("loose.gsc"), new ClassDirectionFit.Settings(200, 0,
                        1, dir.resolve("cache")), (s, f) -> { }, () -> false));
        assertEquals(RunNotUsableException.Problem.NOT_A_RUN, outside.problem());
    }

    @Test
    void classDirectionsAreKeptInTheRunAndDrawn() throws Exception {
        assertTrue(DirectionsJob.kept(builtInRun, 8).classesPossible());
        double[] last = {0};
        ClassDirectionFit.Report report = DirectionsJob.findClassDirections(builtInRun,
                new ClassDirectionFit.Settings(300, 0, 1, dir.resolve("cache")), (s, f) -> last[0] = f,
                () -> false);
        assertEquals(1.0, last[0], 1e-9, "progress ends at the whole");
        assertEquals("evaluator", report.classifier());
        List<LatentBook.Direction> found = DirectionsJob.asKept(report);
        assertEquals(report.result().directions().size(), found.size());
        List<LatentBook.Direction> kept = DirectionsJob.kept(builtInRun, 8).classDirections();
        assertEquals(found.stream().map(LatentBook.Direction::name).toList(),
                kept.stream().map(LatentBook.Direction::name).toList());
        assertFalse(found.isEmpty(), "the evaluator gives some class enough samples: " + report.result());
        Path figure = dir.resolve("figure.png");
        DirectionsJob.writeFigure(GeneratorLoader.generator(builtInRun), report.result(), 0, figure);
        BufferedImage png = ImageIO.read(figure.toFile());
        assertTrue(png.getHeight() >= DirectionsJob.FIGURE_SCALE * found.size() * TinyRuns.SIZE,
                "a row per direction, scaled up: " + png.getHeight());
        assertTrue(png.getWidth() >= DirectionsJob.FIGURE_SCALE * 7 * TinyRuns.SIZE, "seven steps per row");
    }
}
