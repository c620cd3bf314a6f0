package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.anomaly.FolderInspection;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.ScoreRow;
import io.ganstudio.core.anomaly.Threshold;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anomaly fit and scoring on the shared tiny run: progress, cancellation, the folder's scores, marks and maps. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OnBothEngines
class AnomalyJobsTest {

    @TempDir
    static Path tmp;
    static Path run;

    private static Path run() throws Exception {
        if (run == null) {
            run = TinyRuns.sharedRunCopy(tmp);
        }
        return run;
    }

    @Test
    @Order(1)
    void scoringARunWithoutAnEncoderSaysSo() throws Exception {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AnomalyScoring.open(RunFolder.open(run())));
        assertTrue(String.valueOf(e.getReason()).contains("anomaly fit"), e.getReason());
    }

    @Test
    @Order(2)
    void aCancelledFitWritesNothing() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        assertThrows(CancellationException.class, () -> AnomalyFit.fit(new AnomalyFit.Request(run(), 30,
                AnomalyFit.DEFAULT_VALIDATION, 99, null, ScoreMethod.DEFAULT), new AnomalyFit.Progress() {
                    @Override
                    public void step(int step, int total, float loss, float image, float feature) {
                        if (step == 3) {
                            cancel.set(true);
                        }
                    }
                }, cancel::get));
        assertTrue(Files.notExists(EncoderFile.path(run())));
    }

    @Test
    @Order(3)
    void fitReportsEveryStepAndWritesTheEncoderWithTheChosenThreshold() throws Exception {
        List<String> events = new ArrayList<>();
        AnomalyFit.Result r = AnomalyFit.fit(new AnomalyFit.Request(run(), 12, 0.2, 95, null, ScoreMethod.DEFAULT),
                new AnomalyFit.Progress() {
                    @Override
                    public void started(int images, int steps) {
                        events.add("started " + images + " " + steps);
                    }

                    @Override
                    public void step(int step, int total, float loss, float image, float feature) {
                        assertTrue(Float.isFinite(loss) && loss > 0, "loss " + loss);
                        events.add(step + "/" + total);
                    }
                }, () -> false);
        assertEquals(13, events.size());
        assertEquals("started 150 12", events.get(0));
        assertEquals("1/12", events.get(1));
        assertEquals("12/12", events.get(12));
        assertEquals(EncoderFile.path(run()), r.file());
        assertTrue(Files.isRegularFile(r.file()));
        EncoderFile.Header h = r.encoder().header();
        assertEquals(95, h.percentile());
        assertEquals(30, h.validationImages()); // a fifth of 150
        assertEquals(200, h.ganStep());
        assertEquals(12, h.steps());
    }

    @Test
    @Order(4)
    void aLabelledFolderIsScoredWithTheBaselineAndWrittenAsCsv() throws Exception {
        Path folder = tmp.resolve("inspect");
        Random t = new Random(2);
        for (int i = 0; i < 5; i++) {
            TinyRuns.writePng(TinyRuns.normalImage(t), folder.resolve("good").resolve("g" + i + ".png"));
            TinyRuns.writePng(TinyRuns.withSquare(TinyRuns.normalImage(t), t.nextInt(12), t.nextInt(12)),
                    folder.resolve("square").resolve("s" + i + ".png"));
        }
        Files.writeString(folder.resolve("good").resolve("notes.png"), "not an image");
        Path csv = tmp.resolve("scores.csv");
        try (AnomalyScoring scoring = AnomalyScoring.open(RunFolder.open(run()))) {
            assertEquals(95, scoring.threshold(null).percentile());
            assertEquals(scoring.encoder().header().threshold(), scoring.threshold(null).value());
            Threshold at90 = scoring.threshold(90.0);
            assertEquals(90, at90.percentile());
            assertThrows(IllegalStateException.class, () -> scoring.score(new AnomalyScoring.Request(folder, at90,
                    true, null), null, null, () -> false), "the baseline is loaded first");
            scoring.loadBaseline(null, () -> false);
            List<String> seen = new ArrayList<>();
            int[] progress = {0};
            FolderInspection.Summary s = scoring.score(new AnomalyScoring.Request(folder, at90, true, csv),
                    (item, inspection, row) -> seen.add(row.path()), (done, total) -> progress[0] = done,
                    () -> false);
            assertEquals(10, s.rows().size());
            assertEquals(10, seen.size());
            assertEquals(11, progress[0], "every file counts, the skipped one too");
            assertEquals(1, s.skipped().size());
            assertTrue(s.skipped().get(0).path().endsWith("notes.png"));
            assertNotNull(s.gan());
            assertNotNull(s.baseline());
            assertEquals(5, s.gan().normal());
            assertEquals(5, s.gan().anomalous());
            assertTrue(s.rows().stream().noneMatch(r -> Double.isNaN(r.pixelNearest())));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals(11, lines.size(), "a header and a line per image");

            // Marks against another threshold: cheap, the same scores.
            // Below every score (the default score is normalised, so it can be negative).
            assertTrue(s.rows().stream().allMatch(r -> Double.isFinite(r.score())), "every score is a number");
            Threshold everything = new Threshold(50,
                    s.rows().stream().mapToDouble(ScoreRow::score).min().orElseThrow() - 1);
            List<ScoreRow> marked = s.rows().stream().map(r -> AnomalyScoring.marked(r, everything)).toList();
            assertTrue(marked.stream().allMatch(ScoreRow::aboveThreshold));
            assertEquals(s.rows().get(0).score(), marked.get(0).score());
            LabelledMetrics gan = AnomalyScoring.labelledMetrics(marked, everything, false);
            assertEquals(s.gan().auroc(), gan.auroc(), 1e-12);
            assertEquals(1.0, gan.recall());
            assertEquals(s.baseline().auroc(), AnomalyScoring.labelledMetrics(marked, everything, true).auroc(),
                    1e-12);

            // Maps: one PNG per image at the model's size, named after the relative path.
            Path maps = Files.createDirectories(tmp.resolve("maps"));
            List<AnomalyScoring.MapItem> items = List.of(
                    new AnomalyScoring.MapItem(folder.resolve("good").resolve("g0.png"), "good/g0.png"),
                    new AnomalyScoring.MapItem(folder.resolve("square").resolve("s0.png"), "square/s0.png"));
            int[] written = {0};
            scoring.writeMaps(items, maps, AnomalyScoring.DEFAULT_OPACITY, (done, total) -> written[0] = done,
                    () -> false);
            assertEquals(2, written[0]);
            BufferedImage map = ImageIO.read(maps.resolve("square_s0.png.png").toFile());
            assertEquals(TinyRuns.SIZE, map.getWidth());
            assertTrue(Files.isRegularFile(maps.resolve("good_g0.png.png")));
            AnomalyScoring.One one = scoring.inspect(folder.resolve("square").resolve("s0.png"), false);
            ScoreRow row = s.rows().stream().filter(r -> r.path().equals("square/s0.png")).findFirst().orElseThrow();
            assertEquals(row.score(), one.inspection().score(), 1e-4, "one image scores as it did in its folder");
        }
    }

    @Test
    void onlyARunWithACheckpointOpensForInspection(@TempDir Path own) throws Exception {
        assertEquals(run().toAbsolutePath(), AnomalyScoring.trainedRun(run()).dir().toAbsolutePath());
        Path untrained = own.resolve("untrained");
        RunFolder.create(untrained, RunFolder.open(run()).config()).close();
        assertThrows(AnomalyScoring.NoCheckpointException.class, () -> AnomalyScoring.trainedRun(untrained));
    }

    @Test
    void labelledMetricsLeaveOutRowsWithoutABaselineDistance() {
        Threshold t = new Threshold(99, 0.5);
        List<ScoreRow> rows = List.of(
                new ScoreRow("a", false, 0.1, 0.2, 0, 0, false, 1.0),
                new ScoreRow("b", true, 0.9, 1.8, 0, 0, true, 3.0),
                new ScoreRow("c", true, 0.8, 1.6, 0, 0, true, Double.NaN),
                new ScoreRow("d", null, 0.7, 1.4, 0, 0, true, 2.0));
        assertEquals(3, AnomalyScoring.labelledMetrics(rows, t, false).normal()
                + AnomalyScoring.labelledMetrics(rows, t, false).anomalous());
        LabelledMetrics baseline = AnomalyScoring.labelledMetrics(rows, t, true);
        assertEquals(1, baseline.normal());
        assertEquals(1, baseline.anomalous());
        assertEquals(1.0, baseline.auroc());
        assertEquals("good_a_b.png.png", AnomalyScoring.mapName("good/a\\b.png"));
        assertFalse(AnomalyScoring.marked(rows.get(1), new Threshold(99, 5)).aboveThreshold());
        assertNull(rows.get(3).anomalous());
    }
}
