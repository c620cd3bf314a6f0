package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.train.TestStates;
import io.ganstudio.core.train.TrainerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsExact() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        TrainerState s = TestStates.state(1234, 7);
        Path file = Checkpoints.write(dir, config, s, 3);
        assertEquals("step-0001234.gsc", file.getFileName().toString());

        LoadedCheckpoint c = Checkpoints.read(file);
        assertEquals(config, c.config());
        TrainerState r = c.state();
        assertEquals(s.step(), r.step());
        assertEquals(s.discriminatorBatches(), r.discriminatorBatches());
        assertEquals(s.seconds(), r.seconds());
        assertEquals(s.noise(), r.noise());
        assertEquals(s.generatorOptimizerStep(), r.generatorOptimizerStep());
        assertEquals(s.discriminatorOptimizerStep(), r.discriminatorOptimizerStep());
        assertSameArrays(s.weights(), r.weights());
        assertSameArrays(s.generatorOptimizer(), r.generatorOptimizer());
        assertSameArrays(s.discriminatorOptimizer(), r.discriminatorOptimizer());
        assertTrue(c.skippedNewer().isEmpty());
    }

    @Test
    void noCachedNormalRoundTrips() throws IOException {
        TrainerState s = TestStates.state(5, 1);
        TrainerState fresh = new TrainerState(5, 1, 1, new Rng(9).state(), 1, 1, s.weights(), Map.of(), Map.of());
        TrainerState r = Checkpoints.read(Checkpoints.write(dir, TestStates.tinyConfig(), fresh, 1)).state();
        assertTrue(Double.isNaN(r.noise().spare()));
        assertEquals(fresh.noise().state(), r.noise().state());
    }

    @Test
    void generatorOnlyReadKeepsOnlyGeneratorWeights() throws IOException {
        TrainerState s = TestStates.state(10, 3);
        LoadedCheckpoint c = Checkpoints.readGenerator(Checkpoints.write(dir, TestStates.tinyConfig(), s, 1));
        assertTrue(c.state().weights().keySet().stream().allMatch(k -> k.startsWith("g.")));
        assertEquals(3, c.state().weights().size());
        assertTrue(c.state().generatorOptimizer().isEmpty());
        assertArrayEquals(s.weights().get("g.layer0.weight"), c.state().weights().get("g.layer0.weight"));
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(1, 1), 1);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 100));
        assertRefused(file, "cut short");
        Files.write(file, Arrays.copyOf(b, 30));
        assertRefused(file, "damaged");
    }

    @Test
    void flippedByteIsRefused() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(1, 1), 1);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x10;
        Files.write(file, b);
        assertRefused(file, "checksum does not match");
    }

    @Test
    void flippedByteInHeaderIsRefused() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(1, 1), 1);
        byte[] b = Files.readAllBytes(file);
        b[40] ^= 0x01;
        Files.write(file, b);
        assertRefused(file, "damaged");
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(1, 1), 1);
        byte[] b = Files.readAllBytes(file);
        b[1] = 'X';
        Files.write(file, b);
        assertRefused(file, "not a GAN Studio checkpoint");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = dir.resolve(Checkpoints.fileName(3));
        Files.createFile(file);
        assertRefused(file, "empty");
    }

    @Test
    void newerFormatIsRefusedWithAdvice() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(1, 1), 1);
        byte[] b = Files.readAllBytes(file);
        b[11] = 9;
        Files.write(file, b);
        assertRefused(file, "newer GAN Studio");
    }

    @Test
    void readLatestFallsBackToPreviousValidCheckpoint() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Checkpoints.write(dir, config, TestStates.state(100, 1), 5);
        Path newest = Checkpoints.write(dir, config, TestStates.state(200, 2), 5);
        byte[] b = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(b, b.length / 2));

        LoadedCheckpoint c = Checkpoints.readLatest(dir);
        assertEquals(100, c.step());
        assertEquals(1, c.skippedNewer().size());
        assertTrue(c.skippedNewer().get(0).contains("step-0000200.gsc"), c.skippedNewer().get(0));
    }

    @Test
    void readLatestExplainsWhenNothingVerifiesOrNothingExists() throws IOException {
        assertThrows(NoSuchFileException.class, () -> Checkpoints.readLatest(dir));
        Files.createFile(dir.resolve(Checkpoints.fileName(1)));
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
                () -> Checkpoints.readLatest(dir));
        assertTrue(e.getMessage().contains("none of its 1 checkpoints verifies"), e.getMessage());
    }

    @Test
    void leftoverTempFileIsIgnoredAndCleanedUp() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Checkpoints.write(dir, config, TestStates.state(100, 1), 3);
        Path temp = dir.resolve(".step-0000200.gsc.123456" + AtomicFiles.TEMP_SUFFIX);
        Files.write(temp, new byte[] {1, 2, 3});
        assertEquals(List.of(dir.resolve("step-0000100.gsc")), Checkpoints.list(dir));
        assertEquals(100, Checkpoints.readLatest(dir).step());

        Checkpoints.write(dir, config, TestStates.state(300, 1), 3);
        assertTrue(Files.notExists(temp));
    }

    @Test
    void keepsOnlyTheNewestN() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        for (long step : new long[] {5, 10, 15, 20, 10_000_000}) {
            Checkpoints.write(dir, config, TestStates.state(step, step), 3);
        }
        List<Long> steps = Checkpoints.list(dir).stream().map(Checkpoints::stepOf).toList();
        assertEquals(List.of(15L, 20L, 10_000_000L), steps);
    }

    @Test
    void deleteNewerThanRemovesAbandonedHistory() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        for (long step : new long[] {1, 2, 3}) {
            Checkpoints.write(dir, config, TestStates.state(step, step), 5);
        }
        Checkpoints.deleteNewerThan(dir, 2);
        assertEquals(List.of(1L, 2L), Checkpoints.list(dir).stream().map(Checkpoints::stepOf).toList());
    }

    @Test
    void writingAnEarlierStepReplacesTheAbandonedLaterHistory() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Checkpoints.write(dir, config, TestStates.state(200, 1), 1);
        Checkpoints.write(dir, config, TestStates.state(300, 1), 1);
        Path resumed = Checkpoints.write(dir, config, TestStates.state(250, 1), 1);
        assertEquals(List.of(resumed), Checkpoints.list(dir));
    }

    @Test
    void aCheckpointHoldingAnotherStepThanItsNameIsRefusedAndNeverUsed() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Path five = Checkpoints.write(dir, config, TestStates.state(5, 1), 5);
        Checkpoints.write(dir, config, TestStates.state(10, 2), 5);
        Path twenty = dir.resolve(Checkpoints.fileName(20));
        Files.copy(five, twenty);
        assertRefused(twenty, "holds step 5, not step 20");
        LoadedCheckpoint c = Checkpoints.readLatest(dir);
        assertEquals(10, c.step());
        assertEquals(1, c.skippedNewer().size());
        assertTrue(Files.exists(twenty));
    }

    @Test
    void aNegativeStepIsRefusedAndCannotBeWritten() throws IOException {
        Path file = Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(20, 1), 5);
        CheckpointEdits.setHeaderStep(file, -5);
        assertRefused(file, "holds step -5, which is impossible");
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.write(dir, TestStates.tinyConfig(), TestStates.state(-5, 1), 5));
    }

    @Test
    void pruningNeverDeletesACheckpointItCannotVerify() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Path newer = Checkpoints.write(dir, config, TestStates.state(1, 1), 5);
        CheckpointEdits.setNewerFormat(newer);
        Path renamed = dir.resolve(Checkpoints.fileName(2));
        Files.copy(Checkpoints.write(dir, config, TestStates.state(30, 1), 5), renamed);
        for (long step : new long[] {10, 20}) {
            Checkpoints.write(dir, config, TestStates.state(step, step), 1); // keeps 1, and deletes 30 as newer
        }
        assertEquals(List.of(1L, 2L, 20L), Checkpoints.list(dir).stream().map(Checkpoints::stepOf).toList());
        assertTrue(Files.exists(newer) && Files.exists(renamed));

        Path later = dir.resolve(Checkpoints.fileName(40));
        Files.copy(newer, later);
        Checkpoints.deleteNewerThan(dir, 0);
        assertEquals(List.of(1L, 2L, 40L), Checkpoints.list(dir).stream().map(Checkpoints::stepOf).toList());
    }

    @Test
    void setAsideMovesLaterUnreadableCheckpointsOutOfTheWay() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        Checkpoints.write(dir, config, TestStates.state(10, 1), 5);
        Path newer = Checkpoints.write(dir, config, TestStates.state(20, 1), 5);
        CheckpointEdits.setNewerFormat(newer);
        byte[] newerBytes = Files.readAllBytes(newer);
        Files.createDirectories(dir.resolve(Checkpoints.UNREADABLE));
        Files.write(dir.resolve(Checkpoints.UNREADABLE).resolve(newer.getFileName()), new byte[] {1});

        List<String> moved = Checkpoints.setAsideNewerThan(dir, 10);
        assertEquals(1, moved.size());
        assertTrue(moved.get(0).contains("newer GAN Studio") && moved.get(0).contains("nothing was deleted"),
                moved.get(0));
        assertEquals(List.of(10L), Checkpoints.list(dir).stream().map(Checkpoints::stepOf).toList());
        assertArrayEquals(newerBytes, Files.readAllBytes(dir.resolve(Checkpoints.UNREADABLE)
                .resolve(newer.getFileName() + ".1")));
    }

    private static void assertRefused(Path file, String reason) {
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoints.read(file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
    }

    private static void assertSameArrays(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }
}
