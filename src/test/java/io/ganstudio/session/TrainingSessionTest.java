package io.ganstudio.session;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.RunFolder;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSessionTest {

    @TempDir
    static Path shared;
    static Path images;

    @BeforeAll
    static void makeImages() throws Exception {
        images = Files.createDirectories(shared.resolve("images"));
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(20 + i, 24, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.WHITE);
            g.fillOval(r.nextInt(8), r.nextInt(8), 10, 10);
            g.dispose();
            ImageIO.write(img, "png", images.resolve("img-" + i + ".png").toFile());
        }
    }

    private static GanConfig config(long steps) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN, TrainConfig.AdamSettings.DCGAN,
                1, 4, 11, steps, 2, 3, 2, 4);
        return new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
    }

    private static List<SessionEvent> runToEnd(TrainingSession s) throws InterruptedException {
        return runToEnd(s, List.of());
    }

    private static List<SessionEvent> runToEnd(TrainingSession s, List<SessionEvent> events)
            throws InterruptedException {
        s.start();
        assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "session did not end");
        return events;
    }

    @Test
    void aRunWritesItsFolderAndPublishesPlainEvents(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(6), runs.resolve("a"), null, events::add);
        runToEnd(s);
        RunFolder run = RunFolder.open(runs.resolve("a"));
        assertEquals(6, run.readMetrics().size());
        assertEquals(List.of(0L, 2L, 4L, 6L), run.listSamples().stream().map(RunFolder.Sample::step).toList());
        assertTrue(Files.exists(run.dataReport()));
        assertEquals(3, run.config().model().channels(), "colour images give a 3-channel model");
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1));
        assertTrue(((SessionEvent.Finished) events.get(events.size() - 1)).reachedTarget());
        long metricRows = events.stream().filter(e -> e instanceof SessionEvent.Metrics)
                .mapToLong(e -> ((SessionEvent.Metrics) e).steps().size()).sum();
        assertEquals(6, metricRows);
        SessionEvent.SampleGrid grid = events.stream().filter(e -> e instanceof SessionEvent.SampleGrid)
                .map(e -> (SessionEvent.SampleGrid) e).reduce((a, b) -> b).orElseThrow();
        assertEquals(6, grid.step());
        assertEquals(grid.width() * grid.height(), grid.argb().length);
        assertEquals(SessionState.FINISHED, s.state());
    }

    @Test
    void stoppedAndResumedRunMatchesAnUninterruptedOne(@TempDir Path runs) throws Exception {
        runToEnd(TrainingSession.newRun(config(7), runs.resolve("straight"), null, e -> { }));
        runToEnd(TrainingSession.newRun(config(3), runs.resolve("resumed"), null, e -> { }));
        runToEnd(TrainingSession.resumeRun(runs.resolve("resumed"), 7, null, e -> { }));
        List<StepMetrics> a = RunFolder.open(runs.resolve("straight")).readMetrics();
        List<StepMetrics> b = RunFolder.open(runs.resolve("resumed")).readMetrics();
        assertEquals(7, b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).step(), b.get(i).step());
            assertEquals(a.get(i).dLoss(), b.get(i).dLoss(), 0.0, "D loss at step " + a.get(i).step());
            assertEquals(a.get(i).gLoss(), b.get(i).gLoss(), 0.0, "G loss at step " + a.get(i).step());
            assertEquals(a.get(i).dReal(), b.get(i).dReal(), 0.0);
            assertEquals(a.get(i).dFake(), b.get(i).dFake(), 0.0);
        }
        assertEquals(7, RunFolder.open(runs.resolve("resumed")).config().train().steps());
    }

    @Test
    void stepOnceStaysPausedAndStopWritesACheckpoint(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(100), runs.resolve("b"), null, events::add);
        s.stepOnce();
        s.stepOnce();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (events.stream().filter(e -> e instanceof SessionEvent.Metrics).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        s.stop();
        assertTrue(s.awaitEnd(120, TimeUnit.SECONDS));
        RunFolder run = RunFolder.open(runs.resolve("b"));
        assertEquals(2, run.readMetrics().size());
        assertEquals(2, run.readLatestCheckpoint().step());
        SessionEvent.Finished f = (SessionEvent.Finished) events.get(events.size() - 1);
        assertEquals(2, f.step());
        assertTrue(!f.reachedTarget());
        assertTrue(events.stream().filter(e -> e instanceof SessionEvent.StateChanged)
                .noneMatch(e -> ((SessionEvent.StateChanged) e).state() == SessionState.RUNNING),
                "single steps never enter the running state");
    }

    @Test
    void divergingLossStopsWithAdviceAndKeepsTheLastGoodCheckpoint(@TempDir Path runs) throws Exception {
        // beta2 = 0 makes every Adam update a full +-lr step; with lr 1 and no normalisation the losses explode
        // (measured: LSGAN reaches 1e11 within 100 steps).
        TrainConfig.AdamSettings wild = new TrainConfig.AdamSettings(1f, 0f, 0f);
        GanConfig c = config(200);
        c = c.withModel(new ModelConfig(16, 3, 8, 16, 16, Normalization.NONE))
                .withTrain(new TrainConfig(LossKind.LSGAN, 0f, wild, wild, 1, 4, 11, 200, 50, 1, 2, 4)
                        .withAugment(io.ganstudio.core.train.Augment.OFF)); // measured without augmentation
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(c, runs.resolve("nan"), null, events::add);
        runToEnd(s);
        SessionEvent last = events.get(events.size() - 1);
        assertInstanceOf(SessionEvent.Failed.class, last, "expected divergence, got " + last);
        SessionEvent.Failed f = (SessionEvent.Failed) last;
        assertTrue(f.message().contains("diverged"), f.message());
        assertTrue(f.advice().contains("learning rate"), f.advice());
        RunFolder run = RunFolder.open(runs.resolve("nan"));
        long diverged = run.readMetrics().size() + 1;
        assertEquals(diverged - 1, run.readLatestCheckpoint().step(), "the last good step's checkpoint stays");
        assertEquals(SessionState.FAILED, s.state());
    }

    @Test
    void invalidConfigIsRefusedBeforeAnythingStarts(@TempDir Path runs) {
        GanConfig bad = config(5).withModel(new ModelConfig(30, 3, 8, 4, 4, Normalization.BATCH_NORM));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.newRun(bad, runs.resolve("x"), null, ev -> { }));
        assertTrue(e.getMessage().contains("image size 30"), e.getMessage());
        assertTrue(Files.notExists(runs.resolve("x")));
    }

    @Test
    void qualityIsMeasuredWrittenAndKeptWithinItsBudget(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(6), runs.resolve("q"), null, events::add);
        s.setQualityEvery(2);
        runToEnd(s);
        List<io.ganstudio.core.quality.QualitySnapshot> published = events.stream()
                .filter(e -> e instanceof SessionEvent.Quality).map(e -> ((SessionEvent.Quality) e).snapshot())
                .toList();
        assertEquals(2, published.get(0).step(), "the first probe runs at its step");
        assertTrue(published.stream().allMatch(q -> q.step() % 2 == 0));
        assertTrue(Double.isNaN(published.get(0).fid()), "a folder run has no classifier figures");
        assertTrue(published.get(0).ndbBins() >= 2);
        // Steps of this tiny model cost far less than a probe: the 5% budget skips the later ones.
        assertTrue(published.size() < 3, "probes: " + published.size());
        List<io.ganstudio.core.quality.QualitySnapshot> written =
                new io.ganstudio.core.quality.QualityCsv(runs.resolve("q")).read();
        assertEquals(published.stream().map(q -> q.step() + ":" + q.ndbDifferent()).toList(),
                written.stream().map(q -> q.step() + ":" + q.ndbDifferent()).toList(), "quality.csv holds them");
        assertEquals(published.get(0).closeShare(), written.get(0).closeShare(), 1e-4);
    }

    @Test
    void qualityCanBeTurnedOff(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(4), runs.resolve("off"), null, events::add);
        s.setQualityEvery(0);
        runToEnd(s);
        assertTrue(events.stream().noneMatch(e -> e instanceof SessionEvent.Quality));
        assertTrue(Files.notExists(runs.resolve("off").resolve("quality.csv")));
    }
}
