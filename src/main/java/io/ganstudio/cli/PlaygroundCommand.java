package io.ganstudio.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.playground.AwtSurface;
import io.ganstudio.core.playground.Loss;
import io.ganstudio.core.playground.PlaygroundBenchmark;
import io.ganstudio.core.playground.PlaygroundConfig;
import io.ganstudio.core.playground.PlaygroundFrame;
import io.ganstudio.core.playground.PlaygroundGan;
import io.ganstudio.core.playground.PlaygroundMeasure;
import io.ganstudio.core.playground.PlaygroundPainter;
import io.ganstudio.core.playground.PointsCsv;
import io.ganstudio.core.playground.Preset;
import io.ganstudio.core.text.Phrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** The 2-D playground without a window: train a tiny GAN on points, print losses and KL/JS, draw the canvas. */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the studio's 2-D playground GAN (MLP generator and discriminator on points in the "
                + "unit square) and print the final losses and the KL and JS divergence between the real and the "
                + "generated point densities on a 30x30 grid (in bits).",
                "With --png, also draw the canvas: D's decision as a heatmap (green: looks real, purple: looks "
                        + "fake), the generator's warped noise grid, real points (green), generated points (purple) "
                        + "and the arrows that move them."})
final class PlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--distribution", paramLabel = "NAME", defaultValue = "ring",
            description = "Real points: line, gaussians, ring or blobs. Default: ${DEFAULT-VALUE}.")
    String distribution;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Real points from a CSV file instead (x,y per line; a header line is allowed). They are "
                    + "scaled into the unit square, keeping their shape.")
    Path csv;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + PlaygroundConfig.DEFAULT_STEPS,
            description = "Training steps (each: D updates, then G updates). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The same seed and settings give the same run. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--g-layers", paramLabel = "N", defaultValue = "2",
            description = "Generator hidden layers, 0-5. Default: ${DEFAULT-VALUE}.")
    int gLayers;

    @Option(names = "--g-neurons", paramLabel = "N", defaultValue = "16",
            description = "Neurons per generator hidden layer, 1-100. Default: ${DEFAULT-VALUE}.")
    int gNeurons;

    @Option(names = "--d-layers", paramLabel = "N", defaultValue = "2",
            description = "Discriminator hidden layers, 0-5. Default: ${DEFAULT-VALUE}.")
    int dLayers;

    @Option(names = "--d-neurons", paramLabel = "N", defaultValue = "16",
            description = "Neurons per discriminator hidden layer, 1-100. Default: ${DEFAULT-VALUE}.")
    int dNeurons;

    @Option(names = "--noise", paramLabel = "KIND", defaultValue = "uniform",
            description = "Generator noise: uniform or gaussian. Default: ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--noise-dim", paramLabel = "N", defaultValue = "2",
            description = "Noise dimensions: 1 or 2. Default: ${DEFAULT-VALUE}.")
    int noiseDim;

    @Option(names = "--loss", paramLabel = "KIND", defaultValue = "log",
            description = "log (non-saturating), least-squares or hinge. Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--optimizer", paramLabel = "KIND", defaultValue = "adam",
            description = "adam (beta1 0.5, beta2 0.999) or sgd, for both networks. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--d-lr", paramLabel = "RATE", defaultValue = "0.001",
            description = "Discriminator learning rate, one of 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1. "
                    + "Default: ${DEFAULT-VALUE}.")
    double dLr;

    @Option(names = "--g-lr", paramLabel = "RATE", defaultValue = "0.001",
            description = "Generator learning rate, from the same list. Default: ${DEFAULT-VALUE}.")
    double gLr;

    @Option(names = "--d-steps", paramLabel = "N", defaultValue = "2",
            description = "Discriminator updates per step, 1-10. Default: ${DEFAULT-VALUE}.")
    int dSteps;

    @Option(names = "--g-steps", paramLabel = "N", defaultValue = "1",
            description = "Generator updates per step, 1-10. Default: ${DEFAULT-VALUE}.")
    int gSteps;

    @Option(names = "--penalty", paramLabel = "WEIGHT", defaultValue = "0.3",
            description = "Weight of the penalty on the discriminator's steepness at the real points (R1), 0-10; "
                    + "0 turns it off. It keeps training from oscillating and collapsing. "
                    + "Default: ${DEFAULT-VALUE}.")
    double penalty;

    @Option(names = "--mode-collapse", description = "Show mode collapse: one hidden layer of 8 neurons, "
            + "learning rate 0.003 and no penalty (best with --distribution gaussians and 6,000 steps or more). "
            + "Replaces the network, learning-rate and penalty options.")
    boolean modeCollapse;

    @Option(names = "--every", paramLabel = "N", defaultValue = "0",
            description = "Also report the losses, KL and JS every N steps (a line each; in JSON, \"history\"), and "
                    + "the lowest JS seen. Default: only at the end.")
    int every;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Also draw the canvas at the end into a picture "
            + "(.png, .jpg or .jpeg, as the name says; an existing picture is replaced only with --force).")
    Path png;

    @Mixin
    Outputs.Force force;

    @Option(names = "--png-size", paramLabel = "PX", defaultValue = "600",
            description = "Side of the PNG, 100-4000 pixels. Default: ${DEFAULT-VALUE}.")
    int pngSize;

    @Option(names = "--bench", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "10",
            description = "Instead of a fixed number of steps: train as fast as possible for this long (default "
                    + "10 s) while a second thread draws the canvas 40 times a second, as the studio does; print "
                    + "steps/s and frames/s.")
    Double bench;

    @Option(names = "--measure", paramLabel = "SEEDS",
            description = "Instead of one run: train every preset with seeds --seed to --seed + SEEDS - 1 (1-20) for "
                    + "--steps steps and print the JS divergence every --every steps (default 500) per run, then "
                    + "the JS at the end and the highest JS seen from 60%% of the steps on (step 6,000 of 10,000). "
                    + "For comparing settings.")
    Integer measure;

    @Override
    public Integer call() throws Exception {
        PlaygroundConfig config = config();
        if (measure != null) {
            return measure(config);
        }
        if (png != null && bench == null) {
            Outputs.image("--png", png, force.force);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (bench != null) {
            if (!(bench > 0 && bench <= 600)) {
                throw new UsageError("--bench must be between 0 and 600 seconds, not " + bench);
            }
            if (csv != null) {
                throw new UsageError("--bench uses a preset distribution; leave out --csv");
            }
            PlaygroundBenchmark.Result r = PlaygroundBenchmark.run(config, preset(), bench, pngSize);
            out.println(json ? jsonOut()
                    .toJson(r) : String.format(Locale.ROOT, "%s, %.1f s: %.0f steps/s while drawing (%d steps), "
                            + "%.1f frames/s painted at %dx%d (paint p50 %.2f ms, p99 %.2f ms); training alone "
                            + "%.0f steps/s%nCPU time: %.3f ms per training step (includes making the frames), "
                            + "%.2f ms per painted frame", r.distribution(), r.seconds(), r.stepsPerSecond(),
                    r.steps(), r.framesPerSecond(), r.paintSize(), r.paintSize(), r.paintMsP50(), r.paintMsP99(),
                    r.untimedStepsPerSecond(), r.trainCpuMsPerStep(), r.paintCpuMsPerFrame()));
            return Cli.OK;
        }
        if (steps < 0 || steps > 10_000_000) {
            throw new UsageError("--steps must be between 0 and 10,000,000, not " + steps);
        }
        double[] real = real();
        PlaygroundGan gan = new PlaygroundGan(config, real);
        Ranges.check("--every", every, 0, 10_000_000);
        double js0 = gan.js();
        double lowest = js0;
        List<Map<String, Object>> history = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            gan.trainStep();
            if (every > 0 && i % every == 0) {
                PlaygroundFrame f = gan.frame(null);
                lowest = Math.min(lowest, f.js());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", i);
                row.put("d_loss", f.dLoss());
                row.put("g_loss", f.gLoss());
                row.put("kl", f.kl());
                row.put("js", f.js());
                history.add(row);
                if (!json) {
                    out.printf(Locale.ROOT, "step %d: D loss %.4f, G loss %.4f, KL %.4f, JS %.4f%n", i, f.dLoss(),
                            f.gLoss(), f.kl(), f.js());
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PlaygroundFrame frame = gan.frame(null);
        if (png != null) {
            AwtSurface surface = new AwtSurface(pngSize, pngSize);
            PlaygroundPainter.paint(frame, PlaygroundPainter.Layers.ALL, surface, 0, 0, pngSize);
            SampleGrid.writeImage(surface.argb(), pngSize, pngSize, png);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("distribution", csv != null ? csv.toString() : preset().cliName());
        result.put("steps", steps);
        result.put("seed", seed);
        result.put("d_loss", gan.lastDLoss());
        result.put("g_loss", gan.lastGLoss());
        result.put("kl", frame.kl());
        result.put("js", frame.js());
        result.put("js_start", js0);
        if (every > 0) {
            result.put("js_lowest", Math.min(lowest, frame.js()));
            result.put("history", history);
        }
        result.put("seconds", seconds);
        if (png != null) {
            result.put("png", png.toString());
        }
        if (json) {
            out.println(jsonOut()
                    .toJson(result));
        } else {
            out.printf(Locale.ROOT, "%s, %d steps (seed %d, %.2f s): D loss %.4f, G loss %.4f, KL %.4f bits, "
                            + "JS %.4f bits (JS at step 0: %.4f)%n", result.get("distribution"), steps, seed,
                    seconds, gan.lastDLoss(), gan.lastGLoss(), frame.kl(), frame.js(), js0);
            if (every > 0) {
                out.printf(Locale.ROOT, "lowest JS seen: %.4f%n", Math.min(lowest, frame.js()));
            }
            if (png != null) {
                out.println("canvas: " + png);
            }
        }
        return Cli.OK;
    }

    private int measure(PlaygroundConfig config) {
        Ranges.check("--measure", measure, 1, 20);
        if (csv != null || png != null) {
            throw new UsageError("--measure trains the presets; leave out --csv and --png");
        }
        if (steps < 1 || steps > 1_000_000) {
            throw new UsageError("--steps must be between 1 and 1,000,000 with --measure, not " + steps);
        }
        int each = every > 0 ? every : 500;
        Ranges.check("--every", each, 1, steps);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Preset p : Preset.values()) {
            for (long s = seed; s < seed + measure; s++) {
                double[] js = PlaygroundMeasure.js(config, p, s, steps, each);
                double end = js[js.length - 1];
                double late = 0;
                for (int i = js.length - 1; i >= 0 && (long) i * each * 5 >= 3L * steps; i--) {
                    late = Math.max(late, js[i]);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("distribution", p.cliName());
                row.put("seed", s);
                row.put("every", each);
                row.put("js", js);
                row.put("js_end", end);
                row.put("js_highest_late", late);
                runs.add(row);
                if (!json) {
                    StringBuilder b = new StringBuilder();
                    for (double v : js) {
                        b.append(String.format(Locale.ROOT, " %.2f", v));
                    }
                    out.printf(Locale.ROOT, "%s seed %d, JS every %d steps from 0:%s; at step %d: %.2f, highest "
                            + "from step %d on: %.2f%n", p.cliName(), s, each, b, steps, end, 3L * steps / 5, late);
                    out.flush();
                }
            }
        }
        if (json) {
            out.println(jsonOut().toJson(runs));
        }
        return Cli.OK;
    }

    /** JSON for --json: a number that is not finite (a loss of NaN) is written as null, never as a bare NaN. */
    static Gson jsonOut() {
        TypeAdapter<Number> finite = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter w, Number v) throws IOException {
                if (v == null || !Double.isFinite(v.doubleValue())) {
                    w.nullValue();
                } else {
                    w.value(v);
                }
            }

            @Override
            public Number read(JsonReader r) {
                throw new UnsupportedOperationException("output only");
            }
        };
        return new GsonBuilder().setPrettyPrinting().serializeNulls()
                .registerTypeAdapter(Double.class, finite).registerTypeAdapter(double.class, finite)
                .registerTypeAdapter(Float.class, finite).registerTypeAdapter(float.class, finite).create();
    }

    private PlaygroundConfig config() {
        if (pngSize < 100 || pngSize > 4000) {
            throw new UsageError("--png-size must be between 100 and 4000, not " + pngSize);
        }
        PlaygroundConfig c = new PlaygroundConfig(gLayers, gNeurons, dLayers, dNeurons, noiseDim,
                choose("--noise", noise, PlaygroundConfig.Noise.values()), lossKind(),
                choose("--optimizer", optimizer, PlaygroundConfig.Optimizer.values()), dLr,
                choose("--optimizer", optimizer, PlaygroundConfig.Optimizer.values()), gLr, dSteps, gSteps, seed,
                penalty);
        if (modeCollapse) {
            PlaygroundConfig m = PlaygroundConfig.modeCollapse();
            c = new PlaygroundConfig(m.gLayers(), m.gNeurons(), m.dLayers(), m.dNeurons(), c.noiseDim(), c.noise(),
                    c.loss(), c.dOptimizer(), m.dLearningRate(), c.gOptimizer(), m.gLearningRate(), c.dSteps(),
                    c.gSteps(), seed, m.penalty());
        }
        List<Phrase> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new UsageError(Phrase.texts(problems, Locale.ENGLISH));
        }
        return c;
    }

    private Loss lossKind() {
        for (Loss l : Loss.values()) {
            if (l.cliName().equalsIgnoreCase(loss)) {
                return l;
            }
        }
        throw new UsageError("--loss must be log, least-squares or hinge, not '" + loss + "'");
    }

    private Preset preset() {
        for (Preset p : Preset.values()) {
            if (p.cliName().equalsIgnoreCase(distribution)) {
                return p;
            }
        }
        throw new UsageError("--distribution must be line, gaussians, ring or blobs, not '" + distribution
                + "' (for your own points use --csv FILE)");
    }

    private double[] real() throws PointsCsv.BadCsvException {
        if (csv == null) {
            return PlaygroundGan.realPoints(preset(), seed);
        }
        return PointsCsv.read(csv);
    }

    private static <E extends Enum<E>> E choose(String option, String value, E[] values) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new UsageError(option + " must be one of " + String.join(", ",
                Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList())
                + ", not '" + value + "'");
    }
}
