package io.ganstudio.cli;

import io.ganstudio.core.data.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --device on a computer whose engines are CPU builds (as every build without the GPU profile is): gpu is one clear
 * line and exit code 2, auto is the CPU, a run records its device and continues on it unless told otherwise.
 */
class DeviceCliTest {

    private static CliRun usageError(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(Cli.USAGE, r.exitCode(), () -> String.join(" ", args) + "; stderr: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        return r;
    }

    @Test
    void gpuWithoutACudaBuildSaysWhatIsMissingInOneLine(@TempDir Path tmp) throws Exception {
        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        Path out = tmp.resolve("run");
        CliRun r = usageError("train", "--engine", "mxnet", "--device", "gpu", "--data", images.toString(),
                "--size", "16", "--steps", "2", "--quiet", "--out", out.toString());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("no GPU is available to the MXNet engine here: "), r.err());
        assertTrue(r.err().contains("CPU native library") && r.err().contains("--device cpu")
                && r.err().contains("docs/design.md"), r.err());
        assertFalse(Files.exists(out.resolve("config.json")), "no run is started");
        CliRun g = usageError("info", "--device", "gpu");
        assertTrue(g.err().startsWith("no GPU is available to the MXNet engine here"), g.err());
        assertTrue(usageError("info", "--device", "tpu").err().contains("cpu, gpu or auto"));
    }

    @Test
    void autoIsTheCpuHereAndARunContinuesOnItsDeviceOrTheOneAskedFor(@TempDir Path tmp) throws Exception {
        CliRun info = CliRun.of("info", "--device", "auto");
        assertEquals(Cli.OK, info.exitCode(), info.err());
        assertTrue(info.out().contains("device:        cpu (chosen: auto; --device cpu|gpu|auto; GPUs the engine "
                + "sees: 0)"), info.out());

        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        Path run = tmp.resolve("run");
        CliRun t = CliRun.of("train", "--device", "auto", "--data", images.toString(), "--size", "16",
                "--steps", "2", "--quality-every", "0", "--quiet", "--out", run.toString());
        assertEquals(Cli.OK, t.exitCode(), t.err());
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"device\": \"cpu\""), config);

        String metrics = Files.readString(run.resolve("metrics.csv"));
        CliRun refused = usageError("train", "--resume", run.toString(), "--steps", "3", "--device", "gpu");
        assertTrue(refused.err().startsWith("no GPU is available to the MXNet engine here"), refused.err());
        assertEquals(config, Files.readString(run.resolve("config.json")), "a refused resume changes nothing");
        assertEquals(metrics, Files.readString(run.resolve("metrics.csv")));

        // A run recorded as the GPU's, on a computer without one: the hint says how to continue on the CPU.
        Files.writeString(run.resolve("config.json"), config.replace("\"device\": \"cpu\"", "\"device\": \"gpu\""));
        CliRun onGpu = usageError("train", "--resume", run.toString(), "--steps", "3");
        assertEquals(2, onGpu.errLines(), onGpu.err());
        assertTrue(onGpu.err().contains("--device cpu continues it on the CPU"), onGpu.err());
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--steps", "3", "--device", "cpu",
                "--quality-every", "0", "--quiet");
        assertEquals(Cli.OK, resumed.exitCode(), resumed.err());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"device\": \"cpu\""),
                "the checkpoint was made on the CPU, and the run goes on there");
    }

    @Test
    void theGpuCheckSaysWhatIsMissingHereAndChecksItselfOnTheCpu() {
        CliRun noGpu = usageError("bench", "--gpu-check", "--engine", "mxnet");
        assertEquals(1, noGpu.errLines(), noGpu.err());
        assertTrue(noGpu.err().startsWith("no GPU is available to the MXNet engine here: "), noGpu.err());

        // On the CPU the check runs end to end: it trains, the loss falls, and both generations are the same.
        CliRun onCpu = CliRun.of("bench", "--gpu-check", "--engine", "mxnet", "--device", "cpu", "--check-steps",
                "60");
        assertEquals(Cli.OK, onCpu.exitCode(), onCpu.out() + onCpu.err());
        assertTrue(onCpu.out().contains("device:            cpu"), onCpu.out());
        assertTrue(onCpu.out().contains("training:          60 steps of the 28x28 DCGAN, batch 64"), onCpu.out());
        assertTrue(onCpu.out().matches("(?s).*discriminator: +loss [0-9.]+ over the first 20 steps, [0-9.]+ over the "
                + "last: fell.*"), onCpu.out());
        assertTrue(onCpu.out().contains("mean |difference| 0.00e+00"), onCpu.out());
        assertTrue(onCpu.out().endsWith("gpu check passed\n"), onCpu.out());
        assertTrue(onCpu.err().contains("step 50 of 60: D loss"), onCpu.err());
        assertEquals(Cli.USAGE, CliRun.of("bench", "--gpu-check", "--check-steps", "10").exitCode());
    }
}
