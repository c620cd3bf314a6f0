package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills (SIGKILL on Unix) a process in the middle of writing checkpoints, several times, and checks that every
 * checkpoint it left under a real name verifies and the latest one loads: the atomic write in practice.
 */
class CheckpointKillTest {

    @TempDir
    Path dir;

    @Test
    void killedWriterNeverLeavesABadCheckpoint() throws Exception {
        // Kills land at varied moments; how many of them land inside a write depends on the machine's disk, so the
        // test goes on killing (up to a bound) until several have, rather than hoping that a fixed few do.
        long[] killAfterMs = {150, 420, 60, 300, 95, 230, 40, 510, 170, 20, 350, 75};
        long lastStep = 0;
        Set<String> interrupted = new HashSet<>();
        int kills = 0;
        for (int attempt = 0; attempt < 3 * killAfterMs.length && (kills < 4 || interrupted.size() < 2); attempt++) {
            long delay = killAfterMs[attempt % killAfterMs.length];
            long start = lastStep;
            kills++;
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CheckpointWriterProcess.class.getName(),
                    dir.toString(), Long.toString(lastStep)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.currentTimeMillis() + 30_000;
            // Writes run back to back, so a kill after the first new checkpoint almost always lands inside a write.
            while (Checkpoints.list(dir).stream().noneMatch(f -> Checkpoints.stepOf(f) > start) && p.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(p.isAlive(), () -> "the writer process ended early: " + log());
            Thread.sleep(delay);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            try (var files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX))
                        .forEach(interrupted::add);
            }
            for (Path file : Checkpoints.list(dir)) {
                Checkpoints.read(file); // throws if a killed write left a bad file under a real name
            }
            if (!Checkpoints.list(dir).isEmpty()) {
                LoadedCheckpoint latest = Checkpoints.readLatest(dir);
                assertEquals(0, latest.skippedNewer().size());
                assertTrue(latest.step() >= lastStep);
                lastStep = latest.step();
            }
        }
        assertTrue(lastStep > 0, "the writer never finished a checkpoint in the time given");
        int total = kills;
        assertTrue(!interrupted.isEmpty(), () -> "none of " + total + " kills landed inside a write, so the test proved nothing");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
