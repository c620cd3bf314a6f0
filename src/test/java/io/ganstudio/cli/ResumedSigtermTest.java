package io.ganstudio.cli;

import io.ganstudio.core.data.TestImages;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to {@code train --resume} before the resumed run has saved a sample grid: the grid saved on the way out
 * must not need anything the JVM refuses once it is shutting down, and the checkpoint of the step training stopped
 * at is written. The command runs in a child JVM, as a user runs it.
 */
@DisabledOnOs(OS.WINDOWS) // Process.destroy is TerminateProcess there, not a signal
class ResumedSigtermTest {

    @Test
    void sigtermDuringAResumedRunWritesItsCheckpoint(@TempDir Path tmp) throws Exception {
        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        Path run = tmp.resolve("run");
        CliRun first = CliRun.of("train", "--data", images.toString(), "--size", "16", "--steps", "10",
                "--checkpoint-every", "5", "--quality-every", "0", "--quiet", "--out", run.toString());
        assertEquals(Cli.OK, first.exitCode(), first.err());

        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "train", "--resume", run.toString(), "--steps", "100000", "--quality-every", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunFolder folder = RunFolder.open(run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lastStep(folder) < 13 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the resumed run ended by itself:\n" + read(log));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not exit after SIGTERM");
        String out = read(log);
        assertFalse(out.contains("internal error"), out);
        long last = lastStep(folder);
        assertTrue(last > 10, out);
        assertEquals(last, folder.readLatestCheckpoint().step(), "a checkpoint of the step it stopped at:\n" + out);
    }

    private static long lastStep(RunFolder folder) throws IOException {
        List<StepMetrics> rows = folder.readMetrics();
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).step();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
