package io.ganstudio.session;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.run.SettingsChange;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@OnBothEngines
class TrainingSessionTest {

    @TempDir
    static Path shared;
    static Path images;

    @BeforeAll
    static void makeImages() throws Exception {
        images = Files.createDirectories(shared.resolve("images"));
        Random r = new Random(1);
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
    void gridsByTimeAppearBetweenTheSampleStepsWithoutChangingTraining(@TempDir Path runs) throws Exception {
        // config(7) draws a grid every 2 steps; a grid whenever "no time" passed draws one after every step.
        runToEnd(TrainingSession.newRun(config(7), runs.resolve("steps"), null, e -> { }));
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession timed = TrainingSession.newRun(config(7), runs.resolve("timed"), null, events::add);
        timed.setGridSeconds(1e-9);
        runToEnd(timed);
        List<Long> grids = events.stream().filter(e -> e instanceof SessionEvent.SampleGrid)
                .map(e -> ((SessionEvent.SampleGrid) e).step()).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), grids, "one grid per step, the last one once");
        assertEquals(8, RunFolder.open(runs.resolve("timed")).listSamples().size());
        assertEquals(5, RunFolder.open(runs.resolve("steps")).listSamples().size(), "0, 2, 4, 6 and the last");
        List<StepMetrics> a = RunFolder.open(runs.resolve("steps")).readMetrics();
        List<StepMetrics> b = RunFolder.open(runs.resolve("timed")).readMetrics();
        assertEquals(7, b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).dLoss(), b.get(i).dLoss(), 0.0, "D loss at step " + a.get(i).step());
            assertEquals(a.get(i).gLoss(), b.get(i).gLoss(), 0.0, "G loss at step " + a.get(i).step());
        }
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
        // Four calm steps, then the run is continued with beta2 = 0 and lr 1: every Adam update is a full +-1 step,
        // and without normalisation the losses explode within a few steps (LSGAN measured 1e11 within 100).
        TrainConfig calm = new TrainConfig(LossKind.LSGAN, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 11, 4, 50, 1, 2, 4);
        GanConfig c = config(4).withModel(new ModelConfig(16, 3, 8, 16, 16, Normalization.NONE)).withTrain(calm);
        Path dir = runs.resolve("nan");
        runToEnd(TrainingSession.newRun(c, dir, null, e -> { }));
        TrainConfig.AdamSettings wild = new TrainConfig.AdamSettings(1f, 0f, 0f);
        TrainConfig wildTrain = new TrainConfig(LossKind.LSGAN, 0f, wild, wild, 1, 4, 11, 200, 50, 1, 2, 4)
                .withAugment(Augment.OFF); // measured without augmentation
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.resumeRun(dir, wildTrain, null, events::add);
        runToEnd(s);
        SessionEvent last = events.get(events.size() - 1);
        assertInstanceOf(SessionEvent.Failed.class, last, "expected divergence, got " + last);
        SessionEvent.Failed f = (SessionEvent.Failed) last;
        assertTrue(f.message().contains("diverged"), f.message());
        assertTrue(f.advice().contains("learning rate"), f.advice());
        RunFolder run = RunFolder.open(dir);
        LoadedCheckpoint good = Checkpoints.read(run.readLatestCheckpoint().file());
        for (Map<String, float[]> arrays : List.of(good.state().weights(), good.state().generatorOptimizer(),
                good.state().discriminatorOptimizer())) {
            for (float[] a : arrays.values()) {
                for (float v : a) {
                    assertTrue(Float.isFinite(v), "the kept checkpoint at step " + good.step() + " holds " + v);
                }
            }
        }
        assertTrue(f.advice().contains(good.file().toAbsolutePath().toString()),
                "the advice names the last good checkpoint: " + f.advice());
        assertTrue(good.step() >= 4, "checkpoints were written every step until it diverged");
        assertEquals(SessionState.FAILED, s.state());
        // Continuing from it with the calm settings trains on: the checkpoint does not replay the divergence.
        List<SessionEvent> again = new CopyOnWriteArrayList<>();
        runToEnd(TrainingSession.resumeRun(dir, calm.withSteps(good.step() + 3), null, again::add));
        assertInstanceOf(SessionEvent.Finished.class, again.get(again.size() - 1), String.valueOf(again));
    }

    @Test
    void invalidConfigIsRefusedBeforeAnythingStarts(@TempDir Path runs) {
        GanConfig bad = config(5).withModel(new ModelConfig(30, 3, 8, 4, 4, Normalization.BATCH_NORM));
        var e = Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.newRun(bad, runs.resolve("x"), null, ev -> { }));
        assertTrue(e.getMessage().contains("image size 30"), e.getMessage());
        assertTrue(Files.notExists(runs.resolve("x")));
    }

    @Test
    void trainingWaitsWhileTheUserDragsAndStillObeysStop(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(100_000), runs.resolve("gate"), null, events::add);
        InteractionGate gate = InteractionGate.shared();
        gate.begin(); // a render in flight, as while a slider is dragged
        long waitedBefore = gate.waitedNanos();
        boolean held = true;
        try {
            s.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (s.state() != SessionState.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(SessionState.RUNNING, s.state());
            // The event: the training loop has come to the gate and given up a full slice of waiting there.
            while (gate.waitedNanos() == waitedBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(gate.waitedNanos() > waitedBefore, "training never waited at the closed gate");
            assertEquals(0, metricRows(events), "trained while the user was dragging");
            gate.end();
            held = false;
            while (metricRows(events) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(metricRows(events) > 0, "training did not go on once the user let go");
            gate.begin();
            held = true;
            s.stop(); // obeyed although the gate is closed again
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "stop was not obeyed while the gate was closed");
        } finally {
            if (held) {
                gate.end();
            }
        }
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1));
    }

    private static long metricRows(List<SessionEvent> events) {
        return events.stream().filter(e -> e instanceof SessionEvent.Metrics)
                .mapToLong(e -> ((SessionEvent.Metrics) e).steps().size()).sum();
    }

    @Test
    void aSecondTrainerOnTheSameRunIsRefused(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession first = TrainingSession.newRun(config(100_000), runs.resolve("busy"), null, events::add);
        first.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (events.stream().noneMatch(e -> e instanceof SessionEvent.Metrics) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<SessionEvent> second = new CopyOnWriteArrayList<>();
        TrainingSession other = TrainingSession.resumeRun(runs.resolve("busy"), 0, null, second::add);
        runToEnd(other);
        SessionEvent.Failed f = (SessionEvent.Failed) second.get(second.size() - 1);
        assertTrue(f.message().contains("Another training is already running"), f.message());
        first.stop();
        assertTrue(first.awaitEnd(120, TimeUnit.SECONDS));
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1), "the first one went on");
    }

    @Test
    void resumeMayChangeTheOptimizerAndRecordsEachChange(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("changed");
        runToEnd(TrainingSession.newRun(config(3), dir, null, e -> { }));
        TrainConfig before = RunFolder.open(dir).config().train();
        TrainConfig after = new TrainConfig(LossKind.HINGE, 0f, new TrainConfig.AdamSettings(1e-4f, 0.5f, 0.99f),
                before.discriminatorOptimizer(), 2, 6, before.seed(), 5, before.sampleEvery(),
                before.checkpointEvery(), before.keepCheckpoints(), before.gridSize());
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        runToEnd(TrainingSession.resumeRun(dir, after, null, events::add));
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1), String.valueOf(events));
        RunFolder run = RunFolder.open(dir);
        assertEquals(after, run.config().train());
        assertEquals(5, run.readMetrics().size());
        assertEquals(List.of(new SettingsChange(3, "loss", "BCE", "HINGE"),
                new SettingsChange(3, "generatorOptimizer.learningRate", "2.0E-4", "1.0E-4"),
                new SettingsChange(3, "generatorOptimizer.beta2", "0.999", "0.99"),
                new SettingsChange(3, "discriminatorSteps", "1", "2"),
                new SettingsChange(3, "batchSize", "4", "6")), run.changes());
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"changes\""));
        // The seed and the model's shapes are refused, with the reason.
        InvalidConfigException e = Assertions.assertThrows(InvalidConfigException.class,
                () -> TrainingSession.resumeRun(dir, after.withSeed(99), null, ev -> { }));
        assertTrue(e.getMessage().contains("seed cannot change"), e.getMessage());
    }

    @Test
    void resumeOnDataThatNoLongerFitsSaysSoAndLeavesTheRunAsItWas(@TempDir Path runs) throws Exception {
        Path colour = Files.createDirectories(runs.resolve("colour"));
        try (var files = Files.list(images)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, colour.resolve(p.getFileName()));
            }
        }
        Path dir = runs.resolve("run");
        runToEnd(TrainingSession.newRun(config(2).withData(DataSpec.folder(colour.toString())), dir, null, e -> { }));
        // The folder now holds grayscale images: a 1-channel dataset for a 3-channel model.
        try (var files = Files.list(colour)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                BufferedImage gray = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
                ImageIO.write(gray, "png", p.toFile());
            }
        }
        Map<String, String> before = snapshot(dir);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        runToEnd(TrainingSession.resumeRun(dir, 4, null, events::add));
        SessionEvent.Failed f = (SessionEvent.Failed) events.get(events.size() - 1);
        assertTrue(f.message().contains("no longer fits this run"), f.message());
        assertTrue(f.message().contains("3-channel") && f.message().contains("1-channel"), f.message());
        assertTrue(f.advice().contains("was not changed"), f.advice());
        assertEquals(before, snapshot(dir));
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (var all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                m.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()
                        + (Files.isRegularFile(p) ? "#" + Arrays.hashCode(Files.readAllBytes(p)) : ""));
            }
        }
        return m;
    }

    @Test
    void qualityIsMeasuredWrittenAndKeptWithinItsBudget(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config(6), runs.resolve("q"), null, events::add);
        s.setQualityEvery(2);
        runToEnd(s);
        List<QualitySnapshot> published = events.stream()
                .filter(e -> e instanceof SessionEvent.Quality).map(e -> ((SessionEvent.Quality) e).snapshot())
                .toList();
        assertEquals(2, published.get(0).step(), "the first probe runs at its step");
        assertTrue(published.stream().allMatch(q -> q.step() % 2 == 0));
        assertTrue(Double.isNaN(published.get(0).fid()), "a folder run has no classifier figures");
        assertTrue(published.get(0).ndbBins() >= 2);
        // Steps of this tiny model cost far less than a probe: the 5% budget skips the later ones.
        assertTrue(published.size() < 3, "probes: " + published.size());
        List<QualitySnapshot> written =
                new QualityCsv(runs.resolve("q")).read();
        assertEquals(published.stream().map(q -> q.step() + ":" + q.ndbDifferent()).toList(),
                written.stream().map(q -> q.step() + ":" + q.ndbDifferent()).toList(), "quality.csv holds them");
        assertEquals(published.get(0).closeShare(), written.get(0).closeShare(), 1e-4);
    }

    @Test
    void qualityIsPreparedBesideTrainingAndMeasuredAboutTenTimesARunByDefault(@TempDir Path runs) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        runToEnd(TrainingSession.newRun(config(100), runs.resolve("auto"), null, events::add));
        List<Long> probed = events.stream().filter(e -> e instanceof SessionEvent.Quality)
                .map(e -> ((SessionEvent.Quality) e).snapshot().step()).toList();
        assertFalse(probed.isEmpty(), "a short run gets its quality measured");
        assertEquals(50L, probed.get(0), "every 50 steps for a 100-step run, not every 500");
        assertTrue(probed.stream().allMatch(step -> step % 50 == 0), probed.toString());
        int preparing = -1;
        int ready = -1;
        int running = -1;
        for (int i = 0; i < events.size(); i++) {
            SessionEvent e = events.get(i);
            if (e instanceof SessionEvent.Progress p && p.task().equals("Preparing the quality measures")) {
                preparing = i;
            } else if (e instanceof SessionEvent.Progress p && preparing >= 0 && ready < 0 && p.fraction() >= 1) {
                ready = i;
            } else if (e instanceof SessionEvent.StateChanged c && c.state() == SessionState.RUNNING && running < 0) {
                running = i;
            }
        }
        assertTrue(preparing >= 0 && ready > preparing, "the preparation is shown, then cleared");
        assertTrue(running >= 0 && running < ready, "training starts before the quality measures are ready");
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
