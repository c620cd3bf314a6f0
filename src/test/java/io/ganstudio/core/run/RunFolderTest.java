package io.ganstudio.core.run;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TestStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {

    @TempDir
    Path root;

    @Test
    void configRoundTripsAsReadableJson() throws IOException {
        GanConfig config = TestStates.tinyConfig();
        RunFolder.create(root.resolve("run"), config);
        String json = Files.readString(root.resolve("run/config.json"));
        assertTrue(json.contains("\"loss\": \"BCE\""), json);
        assertTrue(json.contains("顔"), json);
        assertEquals(config, RunFolder.open(root.resolve("run")).config());
    }

    @Test
    void openExplainsWhatIsWrong() throws IOException {
        Files.createDirectories(root.resolve("photos"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RunFolder.open(root.resolve("photos")));
        assertTrue(e.getMessage().contains("not a GAN Studio run folder"), e.getMessage());
        Files.writeString(root.resolve("photos/config.json"), "{ not json");
        IOException bad = assertThrows(IOException.class, () -> RunFolder.open(root.resolve("photos")));
        assertTrue(bad.getMessage().contains("not valid JSON"), bad.getMessage());
    }

    @Test
    void createRefusesAnExistingRun() throws IOException {
        RunFolder.create(root, TestStates.tinyConfig());
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.create(root, TestStates.tinyConfig()));
    }

    @Test
    void metricsAreBufferedUntilFlushAndRoundTrip() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        List<StepMetrics> rows = List.of(row(1), row(2), row(3));
        run.appendMetrics(rows);
        assertEquals(List.of(), run.readMetrics());
        run.flush();
        assertEquals(rows, run.readMetrics());
        assertEquals(MetricsCsv.HEADER, Files.readAllLines(run.metricsFile()).get(0));
    }

    @Test
    void truncateDropsRowsAfterTheResumedStep() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        run.appendMetrics(List.of(row(1), row(2), row(3)));
        run.flush();
        run.appendMetrics(List.of(row(4)));
        run.truncateMetricsAfter(2);
        run.flush();
        assertEquals(List.of(row(1), row(2)), run.readMetrics());
        run.appendMetrics(List.of(row(3)));
        run.flush();
        assertEquals(List.of(row(1), row(2), row(3)), RunFolder.open(root).readMetrics());
    }

    @Test
    void rowCutOffByACrashIsSkippedAndNotGluedTo() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        run.appendMetrics(List.of(row(1)));
        run.flush();
        Files.writeString(run.metricsFile(), "2,0.5,0.69", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(row(1)), run.readMetrics());
        run.appendMetrics(List.of(row(2)));
        run.flush();
        assertEquals(List.of(row(1), row(2)), run.readMetrics());
    }

    @Test
    void samplesAreAllKeptSortedByStep() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        SampleGrid grid = SampleGrid.of(new float[4 * 16 * 16], 4, 1, 16);
        for (long step : new long[] {100, 5, 10_000_000, 50}) {
            run.writeSample(step, grid);
        }
        assertTrue(Files.exists(root.resolve("samples/step-0000005.png")));
        assertEquals(List.of(5L, 50L, 100L, 10_000_000L),
                run.listSamples().stream().map(RunFolder.Sample::step).toList());
    }

    @Test
    void checkpointsGoThroughTheRunsConfig() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        run.writeCheckpoint(TestStates.state(10, 1));
        LoadedCheckpoint c = run.readLatestCheckpoint();
        assertEquals(10, c.step());
        assertEquals(run.config(), c.config());
    }

    @Test
    void rewindRemovesLaterHistory() throws IOException {
        RunFolder run = RunFolder.create(root, TestStates.tinyConfig());
        SampleGrid grid = SampleGrid.of(new float[16 * 16], 1, 1, 16);
        for (long step = 1; step <= 3; step++) {
            run.appendMetrics(List.of(row(step)));
            run.writeSample(step, grid);
            run.writeCheckpoint(TestStates.state(step, step));
        }
        run.flush();
        run.rewindTo(2);
        assertEquals(List.of(row(1), row(2)), run.readMetrics());
        assertEquals(2, run.listSamples().size());
        assertEquals(2, run.readLatestCheckpoint().step());
    }

    @Test
    void newRunDirIsUniqueAndReadable() throws IOException {
        LocalDateTime t = LocalDateTime.of(2026, 11, 23, 19, 30, 5);
        Path a = RunFolder.newRunDir(root, "Fashion MNIST!", t);
        Path b = RunFolder.newRunDir(root, "Fashion MNIST!", t);
        assertEquals("2026-11-23_19-30-05_fashion-mnist", a.getFileName().toString());
        assertEquals("2026-11-23_19-30-05_fashion-mnist-2", b.getFileName().toString());
        assertTrue(Files.isDirectory(b));
        assertEquals("run", RunFolder.slug("  /../ "));
        assertEquals("猫-photos", RunFolder.slug("猫 photos"));
    }

    private static StepMetrics row(long step) {
        return new StepMetrics(step, step * 0.25, 1.25f / step, 0.75f * step, 0.5f, 0.25f, 123.5);
    }
}
