package io.ganstudio.core.run;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TestStates;
import io.ganstudio.core.train.TrainerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Readers never change a run; one trainer at a time; no checkpoint with NaN or infinity is ever written. */
class RunFolderSafetyTest {

    @TempDir
    Path root;

    private Path trainedRun() throws IOException {
        Path dir = root.resolve("run");
        try (RunFolder run = RunFolder.create(dir, TestStates.tinyConfig())) {
            run.appendMetrics(List.of(new StepMetrics(1, 0.1, 1, 2, 0.5, 0.5, 10)));
            run.flush();
            run.writeSample(1, SampleGrid.of(new float[4 * 16 * 16], 4, 1, 16));
            run.writeCheckpoint(TestStates.state(1, 1));
        }
        return dir;
    }

    /** Every file and folder with its size and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (var all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                m.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    @Test
    void openingARunToReadItChangesNothing() throws IOException {
        Path dir = trainedRun();
        // A trainer's write under way (or a crash's leftover: a reader cannot tell them apart).
        Files.writeString(dir.resolve("checkpoints/.step-0000002.gsc.123.tmp"), "being written");
        Files.writeString(dir.resolve("samples/.step-0000002.png.456.tmp"), "being written");
        Map<String, String> before = snapshot(dir);
        RunFolder reader = RunFolder.open(dir);
        assertEquals(1, reader.readMetrics().size());
        assertEquals(1, reader.listSamples().size());
        assertEquals(1, reader.readLatestCheckpoint().step());
        Checkpoints.readLatestGenerator(reader.checkpointDir());
        assertEquals(before, snapshot(dir));
        assertThrows(IllegalStateException.class, () -> reader.appendMetrics(List.of()));
        assertThrows(IllegalStateException.class, () -> reader.writeCheckpoint(TestStates.state(2, 2)));
    }

    @Test
    void aRunWithoutSamplesOrCheckpointFoldersOpensWithoutCreatingThem() throws IOException {
        Path dir = Files.createDirectories(root.resolve("copied"));
        Files.writeString(dir.resolve("config.json"), GanJson.pretty().toJson(TestStates.tinyConfig()));
        RunFolder reader = RunFolder.open(dir);
        assertEquals(List.of(), reader.listSamples());
        assertEquals(List.of(), reader.listCheckpoints());
        assertFalse(Files.exists(dir.resolve("samples")));
        assertFalse(Files.exists(dir.resolve("checkpoints")));
    }

    @Test
    void aReadOnlyRunFolderOpens() throws IOException {
        Path dir = trainedRun();
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores file permissions");
        for (Path p : List.of(dir.resolve("samples"), dir.resolve("checkpoints"), dir)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            RunFolder reader = RunFolder.open(dir);
            assertEquals(1, reader.readLatestCheckpoint().step());
        } finally {
            for (Path p : List.of(dir, dir.resolve("samples"), dir.resolve("checkpoints"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void onlyTheTrainerCleansUpAndOnlyOneTrainerAtATime() throws IOException {
        Path dir = trainedRun();
        Path leftover = dir.resolve("checkpoints/.step-0000002.gsc.123.tmp");
        Files.writeString(leftover, "from a crash");
        try (RunFolder trainer = RunFolder.openForTraining(dir)) {
            assertTrue(trainer.isTraining());
            assertFalse(Files.exists(leftover), "the trainer removes interrupted writes of earlier crashes");
            RunLock.RunLockedException e = assertThrows(RunLock.RunLockedException.class,
                    () -> RunFolder.openForTraining(dir));
            assertTrue(e.getMessage().contains("another trainer is already training"), e.getMessage());
            RunFolder.open(dir).readLatestCheckpoint(); // reading beside the trainer is fine
        }
        RunFolder.openForTraining(dir).close(); // released when the first one closed
    }

    @Test
    void theLockHoldsAcrossProcessesAndEndsWithACrash() throws Exception {
        Path dir = trainedRun();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunLockHolderProcess.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("locked"), "the other process did not lock: " + line);
            RunLock.RunLockedException e = assertThrows(RunLock.RunLockedException.class,
                    () -> RunFolder.openForTraining(dir));
            assertTrue(e.getMessage().contains("process " + holder.pid()), e.getMessage());
        } finally {
            holder.destroyForcibly(); // a crash: the operating system releases the lock
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        RunFolder.openForTraining(dir).close();
    }

    @Test
    void aStateWithNaNOrInfinityIsNeverWritten() throws IOException {
        Path checkpoints = Files.createDirectories(root.resolve("checkpoints"));
        Checkpoints.write(checkpoints, TestStates.tinyConfig(), TestStates.state(10, 1), 2);
        TrainerState bad = TestStates.state(20, 2);
        bad.generatorOptimizer().values().iterator().next()[0] = Float.NaN; // an Adam moment
        NonFiniteStateException e = assertThrows(NonFiniteStateException.class,
                () -> Checkpoints.write(checkpoints, TestStates.tinyConfig(), bad, 2));
        assertEquals(20, e.step());
        assertTrue(e.array().startsWith("generatorOptimizer"), e.array());
        TrainerState infinite = TestStates.state(30, 3);
        infinite.weights().values().iterator().next()[0] = Float.POSITIVE_INFINITY;
        assertThrows(NonFiniteStateException.class,
                () -> Checkpoints.write(checkpoints, TestStates.tinyConfig(), infinite, 2));
        assertEquals(List.of(10L), Checkpoints.list(checkpoints).stream().map(Checkpoints::stepOf).toList());
        try (var files = Files.list(checkpoints)) {
            assertEquals(1, files.count(), "no temporary file left either");
        }
    }
}
