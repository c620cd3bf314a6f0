package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The installer's smoke test: proves that the engine loads, the bundled dataset decodes, training steps run and a
 * run folder is written, in well under a minute. Exit code 0 only when all of that happened.
 */
final class SelfTest {

    static final int STEPS = 20;

    private final PrintWriter out;

    SelfTest(PrintWriter out) {
        this.out = out;
    }

    int run() {
        Path dir = null;
        try {
            EngineReport engine = EngineSetup.init();
            out.println("engine:   " + engine.summary() + " (" + engine.cores() + " cores, loaded in "
                    + String.format(Locale.ROOT, "%.1f s", engine.loadSeconds()) + ")");
            out.flush();
            dir = Files.createTempDirectory("gan-studio-self-test");
            Path runDir = dir.resolve("run");
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            TrainingSession session = TrainingSession.newRun(config(), runDir, dir.resolve("cache"), events::add);
            session.start();
            if (!session.awaitEnd(5, TimeUnit.MINUTES)) {
                session.stop();
                return fail("training did not finish within 5 minutes");
            }
            for (SessionEvent e : events) {
                if (e instanceof SessionEvent.Failed f) {
                    return fail(f.message() + " " + f.advice());
                }
            }
            List<StepMetrics> steps = events.stream().filter(e -> e instanceof SessionEvent.Metrics)
                    .flatMap(e -> ((SessionEvent.Metrics) e).steps().stream()).toList();
            if (steps.size() != STEPS || !steps.stream().allMatch(StepMetrics::isFinite)) {
                return fail("expected " + STEPS + " finite training steps, got " + steps.size());
            }
            StepMetrics last = steps.get(steps.size() - 1);
            // The first steps include oneDNN's kernel selection; the median is the typical speed.
            double[] ips = steps.stream().mapToDouble(StepMetrics::imagesPerSecond).sorted().toArray();
            out.println(String.format(Locale.ROOT, "trained:  %d steps on the built-in dataset, 28x28, batch %d, "
                            + "%.1f s, median %.0f img/s, D loss %.3f, G loss %.3f", last.step(),
                    config().train().batchSize(), last.seconds(), ips[ips.length / 2], last.dLoss(), last.gLoss()));
            List<Path> files = listFiles(runDir);
            boolean hasSample = files.stream().anyMatch(f -> f.toString().endsWith(".png"));
            boolean hasCheckpoint = files.stream().anyMatch(f -> f.startsWith(runDir.resolve("checkpoints")));
            out.println("written:  " + files.size() + " files in a temporary run folder (deleted now):");
            for (Path f : files) {
                out.println("          " + runDir.relativize(f) + "  (" + Files.size(f) + " bytes)");
            }
            if (!hasSample || !hasCheckpoint || !Files.exists(runDir.resolve("config.json"))) {
                return fail("the run folder lacks a sample grid, a checkpoint or config.json");
            }
            out.println("self test passed");
            return Cli.OK;
        } catch (Exception | Error e) {
            return fail(e.toString());
        } finally {
            out.flush();
            deleteQuietly(dir);
        }
    }

    static GanConfig config() {
        ModelConfig model = new ModelConfig(28, 1, 32, 16, 16, Normalization.BATCH_NORM);
        TrainConfig d = TrainConfig.defaults();
        TrainConfig train = new TrainConfig(d.loss(), d.labelSmoothing(), d.generatorOptimizer(),
                d.discriminatorOptimizer(), 1, 32, 1L, STEPS, 10, STEPS, 1, 16);
        return new GanConfig(DataSpec.builtIn(), model, train);
    }

    private int fail(String reason) {
        out.println("self test FAILED: " + reason);
        out.flush();
        return Cli.FAILED;
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the result of the test is what matters.
        }
    }
}
