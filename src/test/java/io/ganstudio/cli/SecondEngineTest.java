package io.ganstudio.cli;

import io.ganstudio.core.data.TestImages;
import io.ganstudio.core.engine.EngineChecks;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.run.SettingsChange;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second engine: checkpoints trained on MXNet (this JVM's engine) give the same images on PyTorch, for both kinds
 * of upsampling, and PyTorch trains (finite losses, the discriminator learning) and resumes bit for bit. PyTorch runs
 * in a child JVM: DJL takes one default engine per process.
 */
class SecondEngineTest {

    /** Mean absolute difference allowed between the engines' images, on the generator's [-1, 1] scale. */
    private static final double MAX_MEAN_DIFFERENCE = 1e-3;

    @Test
    void mxnetCheckpointsGiveTheSameImagesOnPyTorchWhichTrainsAndResumesExactly(@TempDir Path tmp) throws Exception {
        Path images = TestImages.diagonalFolder(tmp.resolve("images"));
        List<String> kinds = List.of("transposed", "resize");
        for (String kind : kinds) {
            CliRun r = CliRun.of("train", "--engine", "mxnet", "--data", images.toString(), "--size", "16",
                    "--steps", "4", "--upsampling", kind, "--quality-every", "0", "--quiet",
                    "--out", tmp.resolve(kind).toString());
            assertEquals(Cli.OK, r.exitCode(), r.err());
            assertTrue(Files.readString(tmp.resolve(kind).resolve("config.json")).contains("\"engine\": \"mxnet\""));
        }

        Path out = Files.createDirectories(tmp.resolve("pytorch"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // One PyTorch thread: with two, the resize run's resume was seen to differ in rounding on a loaded
                // machine (the order of a parallel sum); single-threaded, PyTorch's CPU arithmetic is the same each time.
                "-Dai.djl.offline=true", "-Dganstudio.engine=pytorch", "-Dai.djl.pytorch.num_threads=1",
                "-cp", System.getProperty("java.class.path"),
                EngineChecks.class.getName(), out.toString(), tmp.resolve("transposed").toString(),
                tmp.resolve("resize").toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), said);
        assertEquals(0, p.exitValue(), said);
        Map<String, String> lines = lines(said);
        assertEquals("PyTorch", lines.get("engine"), said);
        assertEquals("true", lines.get("done"), said);

        for (int i = 0; i < kinds.size(); i++) {
            float[] mxnet = EngineChecks.images(tmp.resolve(kinds.get(i)));
            float[] pytorch = EngineChecks.read(out.resolve(i + ".f32"));
            assertEquals(mxnet.length, pytorch.length);
            assertEquals(EngineChecks.IMAGES * 16 * 16, mxnet.length, "8 grayscale 16x16 images");
            double sum = 0;
            double max = 0;
            double spread = 0;
            for (int k = 0; k < mxnet.length; k++) {
                double d = Math.abs(mxnet[k] - pytorch[k]);
                sum += d;
                max = Math.max(max, d);
                spread += Math.abs(mxnet[k] - mxnet[0]);
            }
            double mad = sum / mxnet.length;
            assertTrue(mad <= MAX_MEAN_DIFFERENCE, kinds.get(i) + ": mean |MXNet - PyTorch| " + mad + ", max " + max);
            assertTrue(spread / mxnet.length > 10 * MAX_MEAN_DIFFERENCE, kinds.get(i) + ": the images are not flat");
        }

        assertEquals("true", lines.get("phases-shape"), said);
        assertTrue(Float.parseFloat(lines.get("phases-difference")) < 1e-4, "the usual upsampling layer's short way "
                + "computes the general one:\n" + said);
        assertEquals("true", lines.get("pixel-shape"), said);
        assertTrue(Float.parseFloat(lines.get("pixel-difference")) < 1e-4, "the first layer's short way (a 1x1 "
                + "input) computes the general one:\n" + said);
        assertEquals("true", lines.get("mean-shape"), said);
        assertTrue(Float.parseFloat(lines.get("mean-difference")) < 1e-4, said);
        for (String kind : List.of("transposed", "resize", "augmented")) {
            assertEquals("true", lines.get(kind + "-finite"), said);
            assertEquals("true", lines.get(kind + "-resume-exact"), "PyTorch resumes bit for bit:\n" + said);
            // The same training on both engines: the same losses step by step, up to rounding.
            double[] mxnet = EngineChecks.losses(kind);
            String[] pytorch = lines.get(kind + "-losses").split(",");
            assertEquals(mxnet.length, pytorch.length, said);
            for (int k = 0; k < mxnet.length; k++) {
                assertEquals(mxnet[k], Double.parseDouble(pytorch[k]), 1e-4, kind + ": loss " + k + " on MXNet and "
                        + "PyTorch:\n" + said);
            }
            assertTrue(Double.parseDouble(lines.get(kind + "-d-loss-last"))
                    < Double.parseDouble(lines.get(kind + "-d-loss-first")), "D learns on PyTorch:\n" + said);
        }
    }

    @Test
    void aRunContinuesOnTheOtherEngineAndConfigRecordsEachSwitch(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--data", TestImages.diagonalFolder(tmp.resolve("images")).toString(),
                "--size", "16", "--steps", "2", "--quality-every", "0", "--quiet", "--out", run.toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
        Path config = run.resolve("config.json");
        assertTrue(Files.readString(config).contains("\"engine\": \"mxnet\""), "auto is MXNet on x86-64, recorded by name");
        CliRun bad = CliRun.of("generate", "--run", run.toString(), "--engine", "tensorflow");
        assertEquals(Cli.USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("use mxnet, pytorch or auto"), bad.err());

        // The command line continues the MXNet run on PyTorch (in a process of its own) from its checkpoint.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"),
                "io.ganstudio.Launcher", "train", "--resume", run.toString(), "--steps", "4", "--engine", "pytorch")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), said);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("Continues on PyTorch from step 2 (trained on MXNet until then)"), said);
        String json = Files.readString(config);
        assertTrue(json.contains("\"engine\": \"pytorch\""), json);
        GanConfig onPyTorch = RunFolders.config(run);
        assertEquals(EngineChoice.PYTORCH, onPyTorch.engineOrDefault());
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(1 + 4, metrics.size(), "steps 1-2 on MXNet, 3-4 on PyTorch: " + metrics);

        // The studio's way in: a session on this process's engine (MXNet) continues the run that is now PyTorch's.
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession session = TrainingSession.resumeRun(run, 6, null, events::add);
        session.start();
        assertTrue(session.awaitEnd(120, TimeUnit.SECONDS), "the session did not end");
        assertInstanceOf(SessionEvent.Finished.class, events.get(events.size() - 1), events.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.Warning w
                && w.message().startsWith("Continues on MXNet from step 4 (trained on PyTorch until then)")),
                events.toString());
        try (RunFolder folder = RunFolder.open(run)) {
            assertEquals(EngineChoice.MXNET, folder.config().engineOrDefault());
            assertEquals(List.of(new SettingsChange(2, "engine", "mxnet", "pytorch"),
                    new SettingsChange(4, "engine", "pytorch", "mxnet")), folder.changes());
        }
        assertEquals(1 + 6, Files.readAllLines(run.resolve("metrics.csv")).size());
    }

    private static Map<String, String> lines(String out) {
        Map<String, String> said = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] words = line.trim().split(" ");
            if (words.length == 2) {
                said.put(words[0], words[1]);
            }
        }
        return said;
    }
}
