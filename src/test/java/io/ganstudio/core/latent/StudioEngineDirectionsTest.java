package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Principal directions under the studio's engine (two MXNet workers per CPU context, so independent operations run
 * at the same time): the first block's chunks must not run side by side on the same deconvolution weights, whose
 * oneDNN layout MXNet rewrites in place ("Check failed: ... IOLogicalSwapDesc" on about every other attempt before).
 */
class StudioEngineDirectionsTest {

    @Test
    void directionsNeverFailUnderTheStudiosEngine() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                StudioEngineDirectionsCheck.class.getName(), "8").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String failed = out.lines().filter(l -> l.startsWith("failed ")).findFirst().orElse("failed ?");
        assertEquals("failed 0", failed, out.lines().filter(l -> l.startsWith("first-error ")).findFirst()
                .orElse(out));
    }
}
