package io.ganstudio.cli;

import io.ganstudio.core.data.TestImages;
import io.ganstudio.core.run.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the final checkpoint cannot be written (a full disk, say), {@code train} exits with 1 and says so in plain
 * lines, never a stack trace, and the earlier checkpoint stays intact. The checkpoints folder is made to refuse files
 * (a regular file takes its place, which fails for root too), so the real save path meets an IOException.
 */
class FinalCheckpointFailsCliTest {

    @Test
    void aFinalCheckpointThatCannotBeWrittenIsAFailureInOneMessage(@TempDir Path tmp) throws Exception {
        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        Path run = tmp.resolve("run");
        Path checkpoints = run.resolve("checkpoints");
        Path away = tmp.resolve("checkpoints-away");
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            try {
                while (System.nanoTime() < deadline) {
                    // The sample of step 60 exists only once the training thread has finished writing (and
                    // pruning around) the checkpoint of step 50, so the folder never moves under that write.
                    if (Files.exists(run.resolve("samples").resolve("step-0000060.png"))
                            && Files.exists(checkpoints.resolve(Checkpoints.fileName(50)))) {
                        Files.move(checkpoints, away);
                        Files.writeString(checkpoints, "in the way");
                        return true;
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return false;
        });
        CliRun r = CliRun.of("train", "--data", images.toString(), "--size", "16", "--batch", "4", "--steps", "300",
                "--checkpoint-every", "50", "--sample-every", "10", "--quality-every", "0", "--quiet", "--out",
                run.toString());
        assertTrue(blocked.get(), "the checkpoints folder was never replaced");
        assertEquals(Cli.FAILED, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("error: Could not write the final checkpoint at step 300"), r.err());
        assertTrue(r.err().contains("The checkpoint at step 50 is kept"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertEquals(50, Checkpoints.readLatest(away).step(), "the earlier checkpoint is intact");
    }
}
