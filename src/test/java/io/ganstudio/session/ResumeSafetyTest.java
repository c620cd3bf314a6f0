package io.ganstudio.session;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.CheckpointEdits;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.core.train.TrainerState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resume never deletes what it cannot understand, and writes nothing until it is known to work; a final checkpoint
 * that cannot be written fails the run instead of finishing quietly.
 */
@OnBothEngines
class ResumeSafetyTest {

    @TempDir
    static Path shared;
    static Path images;

    @BeforeAll
    static void makeImages() throws Exception {
        images = Files.createDirectories(shared.resolve("images"));
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            img.setRGB(i, i, 0xFFFFFF);
            img.setRGB(15 - i, i, 0x3366CC);
            ImageIO.write(img, "png", images.resolve(i + ".png").toFile());
        }
    }

    /** Checkpoints every 5 steps, sample grids every 5, keeping 3. */
    private static GanConfig config(long steps) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 11, steps, 5, 5, 3, 4);
        return new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
    }

    private static List<SessionEvent> run(TrainingSession s, List<SessionEvent> events) throws Exception {
        s.start();
        assertTrue(s.awaitEnd(120, TimeUnit.SECONDS), "session did not end");
        return events;
    }

    /** A run of 10 steps: checkpoints 5 and 10, grids 0, 5 and 10, 10 metrics rows. */
    private static Path tenSteps(Path runs) throws Exception {
        Path dir = runs.resolve("run");
        run(TrainingSession.newRun(config(10), dir, null, e -> { }), List.of());
        return dir;
    }

    /** Resumes to step 10, which the run has already reached: a resume from step 10 trains nothing. */
    private static List<SessionEvent> resume(Path dir) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        return run(TrainingSession.resumeRun(dir, 10, null, events::add), events);
    }

    private static void assertResumedFromTenAndKeptItsHistory(Path dir, List<SessionEvent> events) throws Exception {
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1), events.toString());
        assertTrue(events.stream().noneMatch(e -> e instanceof SessionEvent.Metrics), "it trained again from an "
                + "earlier step: " + events);
        RunFolder run = RunFolder.open(dir);
        assertEquals(List.of(5L, 10L), run.listCheckpoints().stream().map(Checkpoints::stepOf).toList());
        assertEquals(10, Checkpoints.read(run.checkpointDir().resolve(Checkpoints.fileName(10))).step());
        assertEquals(List.of(0L, 5L, 10L), run.listSamples().stream().map(RunFolder.Sample::step).toList());
        assertEquals(10, run.readMetrics().size());
    }

    private static String warnings(List<SessionEvent> events) {
        return events.stream().filter(e -> e instanceof SessionEvent.Warning)
                .map(e -> ((SessionEvent.Warning) e).message()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aCheckpointFromANewerAppIsReportedAndMovedAsideNeverDeleted(@TempDir Path runs) throws Exception {
        Path dir = tenSteps(runs);
        Path checkpoints = dir.resolve(RunFolder.CHECKPOINTS);
        Path newer = checkpoints.resolve(Checkpoints.fileName(20));
        Files.copy(checkpoints.resolve(Checkpoints.fileName(10)), newer);
        CheckpointEdits.setHeaderStep(newer, 20);
        CheckpointEdits.setNewerFormat(newer);
        byte[] bytes = Files.readAllBytes(newer);

        List<SessionEvent> events = resume(dir);
        assertResumedFromTenAndKeptItsHistory(dir, events);
        String warnings = warnings(events);
        assertTrue(warnings.contains("update the app") && warnings.contains("unreadable"), warnings);
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(checkpoints.resolve(Checkpoints.UNREADABLE)
                .resolve(newer.getFileName()))), "the newer app's checkpoint is kept as it was");
    }

    @Test
    void aCopyNamedForALaterStepNeitherRewindsNorDeletesTheRun(@TempDir Path runs) throws Exception {
        Path dir = tenSteps(runs);
        Path checkpoints = dir.resolve(RunFolder.CHECKPOINTS);
        // cp step-0000005.gsc step-0000020.gsc
        Files.copy(checkpoints.resolve(Checkpoints.fileName(5)), checkpoints.resolve(Checkpoints.fileName(20)));

        List<SessionEvent> events = resume(dir);
        assertResumedFromTenAndKeptItsHistory(dir, events);
        assertTrue(warnings(events).contains("holds step 5, not step 20"), warnings(events));
        assertTrue(Files.exists(checkpoints.resolve(Checkpoints.UNREADABLE).resolve(Checkpoints.fileName(20))));
    }

    @Test
    void aNegativeStepInAHeaderWipesNothing(@TempDir Path runs) throws Exception {
        Path dir = tenSteps(runs);
        Path checkpoints = dir.resolve(RunFolder.CHECKPOINTS);
        Path bad = checkpoints.resolve(Checkpoints.fileName(20));
        Files.copy(checkpoints.resolve(Checkpoints.fileName(10)), bad);
        CheckpointEdits.setHeaderStep(bad, -5);

        List<SessionEvent> events = resume(dir);
        assertResumedFromTenAndKeptItsHistory(dir, events);
        assertTrue(warnings(events).contains("step -5"), warnings(events));
    }

    @Test
    void aResumeThatFailsOnItsMetricsWritesNothing(@TempDir Path runs) throws Exception {
        Path dir = tenSteps(runs);
        Files.writeString(dir.resolve(RunFolder.METRICS), "not,the,columns\n1,2,3\n");
        Map<String, String> before = snapshot(dir);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        run(TrainingSession.resumeRun(dir, 20, null, events::add), events);
        SessionEvent.Failed f = assertInstanceOf(SessionEvent.Failed.class, events.get(events.size() - 1));
        assertTrue(f.message().contains(RunFolder.METRICS), f.message());
        assertTrue(f.advice().contains("was not changed"), f.advice());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aResumeFromACheckpointThatDoesNotFitTheModelWritesNothing(@TempDir Path runs) throws Exception {
        Path dir = tenSteps(runs);
        Path file = dir.resolve(RunFolder.CHECKPOINTS).resolve(Checkpoints.fileName(10));
        LoadedCheckpoint c = Checkpoints.read(file);
        TrainerState s = c.state();
        Map<String, float[]> weights = new HashMap<>(s.weights());
        String dropped = weights.keySet().stream().filter(k -> k.startsWith("g.")).findFirst().orElseThrow();
        weights.remove(dropped);
        Checkpoints.write(file.getParent(), c.config(), new TrainerState(s.step(), s.discriminatorBatches(),
                s.seconds(), s.noise(), s.generatorOptimizerStep(), s.discriminatorOptimizerStep(), weights,
                s.generatorOptimizer(), s.discriminatorOptimizer()), 3);
        Map<String, String> before = snapshot(dir);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        run(TrainingSession.resumeRun(dir, 20, null, events::add), events);
        SessionEvent.Failed f = assertInstanceOf(SessionEvent.Failed.class, events.get(events.size() - 1));
        assertTrue(f.message().contains("does not fit") && f.message().contains(dropped), f.message());
        assertTrue(f.advice().contains("was not changed"), f.advice());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aFinalCheckpointThatCannotBeWrittenFailsTheRunAndKeepsTheEarlierOnes(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("run");
        Path checkpoints = dir.resolve(RunFolder.CHECKPOINTS);
        Path away = runs.resolve("checkpoints-away");
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        // After the checkpoint at step 5 the checkpoints folder stops taking files (a regular file takes its place,
        // which fails for root too): the real save path meets an IOException, as on a full disk.
        run(TrainingSession.newRun(config(7), dir, null, e -> {
            events.add(e);
            if (e instanceof SessionEvent.CheckpointWritten w && w.step() == 5) {
                try {
                    Files.move(checkpoints, away);
                    Files.writeString(checkpoints, "in the way");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }), events);
        SessionEvent.Failed f = assertInstanceOf(SessionEvent.Failed.class, events.get(events.size() - 1),
                events.toString());
        assertTrue(f.message().contains("final checkpoint at step 7"), f.message());
        assertTrue(f.advice().contains("step 5") && f.advice().contains(Checkpoints.fileName(5)), f.advice());
        assertEquals(5, Checkpoints.readLatest(away).step(), "the earlier checkpoint is intact");
    }

    /** Every file and folder of the run but the trainer's lock (which every trainer takes, and writes its id in). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (var all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.getFileName().toString().equals(".trainer.lock")) {
                    continue;
                }
                m.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()
                        + (Files.isRegularFile(p) ? "#" + Arrays.hashCode(Files.readAllBytes(p)) : ""));
            }
        }
        return m;
    }
}
