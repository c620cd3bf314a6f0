package io.ganstudio.session;

import io.ganstudio.core.data.TestImages;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (what a desktop logout sends) during training: the session's shutdown hook stops after the current step
 * and writes its checkpoint before the JVM exits, with no CLI involved (the studio's path). The checkpoint interval
 * is far away, so only the hook can have written it.
 */
@DisabledOnOs(OS.WINDOWS) // Process.destroy is TerminateProcess there, not a signal
class SigtermTest {

    @Test
    void sigtermWritesACheckpointOfTheCurrentStep(@TempDir Path tmp) throws Exception {
        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        Path run = tmp.resolve("run");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                SessionUnderSigterm.class.getName(), images.toString(), run.toString()).redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder log = new StringBuilder();
        while ((line = out.readLine()) != null && !line.equals("running")) {
            log.append(line).append('\n');
        }
        assertEquals("running", line, "the child never trained:\n" + log);
        Thread.sleep(300);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not exit after SIGTERM");
        RunFolder folder = RunFolder.open(run);
        List<StepMetrics> rows = folder.readMetrics();
        assertTrue(!rows.isEmpty());
        long last = rows.get(rows.size() - 1).step();
        assertEquals(last, folder.readLatestCheckpoint().step(), "a checkpoint of the step training stopped at");
    }
}
