package io.ganstudio.cli;

import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.quality.ClassDirectionFit;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.jobs.DirectionsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** InterFaceGAN class directions for a run, written into its latents.json. */
@Command(name = "directions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find a direction in z toward each class (InterFaceGAN): sample many z from the run's "
                + "generator, label the images with a classifier (the evaluator's on the built-in data; on other "
                + "data with class subfolders a small one trained now on the run's own images), fit a linear "
                + "boundary per class against the rest, and report each boundary's accuracy on a held-out fifth "
                + "of the samples. The directions are written into RUN/latents.json as \"toward CLASS\", where "
                + "the studio's Explore screen shows them as sliders.",
                "Accuracies are balanced (the mean of the accuracy on the class and on the rest): 0.5 is chance, "
                        + "whatever the class's share."})
final class DirectionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", required = true,
            description = "The run folder (its newest checkpoint; the directions go into its latents.json).")
    Path run;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + DirectionsJob.CLASS_SAMPLES,
            description = "z to sample and label; a fifth is held out for the accuracies. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--effect", paramLabel = "N", defaultValue = "200", description = "Measure what moving along "
            + "each direction does to the classifier's probability of its class, from N starting z, at -3 to +3 "
            + "standard deviations; 0 skips it. Default: ${DEFAULT-VALUE}.")
    int effect;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for the z and the held-out split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--figure", paramLabel = "FILE", description = "Also write a picture (.png, .jpg or .jpeg): "
            + "one row per direction, the same z (seed --figure-seed) moved -3 .. +3 standard deviations along it, "
            + "scaled up 3x. An existing picture is replaced only with --force.")
    Path figure;

    @Mixin
    EngineOption engine = new EngineOption();

    @Mixin
    Outputs.Force force;

    @Option(names = "--figure-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the figure's z. Default: ${DEFAULT-VALUE}.")
    long figureSeed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--cache", paramLabel = "DIR", description = "Decoded-dataset cache folder (to train the "
            + "classifier on a run's own images). Default: the user cache folder.")
    Path cache;

    @Override
    public Integer call() throws Exception {
        if (samples < 100 || samples > 100_000) {
            throw new UsageError("--samples must be between 100 and 100000, not " + samples);
        }
        if (effect < 0 || effect > 10_000) {
            throw new UsageError("--effect must be between 0 (off) and 10000, not " + effect);
        }
        if (figure != null) {
            Outputs.image("--figure", figure, force.force);
        }
        Outputs.writable(run); // the directions are kept in the run's latents.json, after minutes of work
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedCheckpoint checkpoint = RunFolders.latestGenerator(run, err);
        engine.start(EngineChoice.AUTO);
        long start = System.nanoTime();
        ClassDirectionFit.Report report;
        try {
            int[] shown = {-1};
            report = DirectionsJob.findClassDirections(run, checkpoint, new ClassDirectionFit.Settings(samples, effect, seed,
                    cache != null ? cache : AppDirs.datasetCacheDir()), (stage, f) -> {
                        int tenth = (int) (f * 10);
                        if (!json && tenth > shown[0]) {
                            shown[0] = tenth;
                            err.printf(Locale.ROOT, "%s %3.0f%%%n", stage == ClassDirectionFit.Stage.CLASSIFIER
                                    ? "preparing the classifier" : "sampling and fitting", 100 * f);
                        }
                    }, () -> false);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("no classes")) {
                throw new UsageError(Cli.oneLine(e.getMessage()));
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (figure != null && !report.result().directions().isEmpty()) {
            DirectionsJob.writeFigure(checkpoint, report.result(), figureSeed, figure);
            if (!json) {
                out.println("figure: " + figure.toAbsolutePath());
            }
        }
        if (json) {
            out.println(GanJson.pretty().toJson(jsonOf(report, seconds)));
            return Cli.OK;
        }
        ClassDirections.Result r = report.result();
        out.printf(Locale.ROOT, "run %s, step %d%s: %d samples (%d held out), %.0f s%n", run, report.step(),
                report.conditional() ? " (conditional: classes in turn, the direction moves z only)" : "",
                r.samples(), r.validation(), seconds);
        out.println(report.classifier().equals("evaluator")
                ? "classifier: the evaluator's (Fashion-MNIST, shipped)"
                : String.format(Locale.ROOT, "classifier: trained on %d of the run's images, held-out accuracy "
                + "%.3f", report.classifierImages(), report.classifierAccuracy()));
        out.printf(Locale.ROOT, "%-24s %7s %9s %9s   %s%n", "direction", "share", "accuracy", "balanced",
                "P(class) at -3 .. 0 .. +3 std");
        for (int i = 0; i < r.directions().size(); i++) {
            ClassDirections.Fitted d = r.directions().get(i);
            String moves = "";
            if (!report.effects().isEmpty()) {
                double[] p = report.effects().get(i).meanProbability();
                StringBuilder b = new StringBuilder();
                for (double v : p) {
                    b.append(String.format(Locale.ROOT, "%.2f ", v));
                }
                moves = b.toString().strip();
            }
            out.printf(Locale.ROOT, "%-24s %7.3f %9.3f %9.3f   %s%n", d.name(), d.share(), d.validationAccuracy(),
                    d.balancedAccuracy(), moves);
        }
        for (ClassDirections.Skipped s : r.skipped()) {
            out.printf(Locale.ROOT, "%-24s skipped: the classifier gave it %d of %d samples, too few to fit "
                    + "(try --samples %d)%n", ClassDirections.directionName(s.className()), s.samplesOfClass(),
                    r.samples(), Math.min(100_000, r.samples() * 4));
        }
        out.println("wrote " + r.directions().size() + " directions to " + report.latentsFile().toAbsolutePath());
        return Cli.OK;
    }

    private static Map<String, Object> jsonOf(ClassDirectionFit.Report report, double seconds) {
        ClassDirections.Result r = report.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", report.step());
        m.put("conditional", report.conditional());
        m.put("classifier", report.classifier());
        if (!Double.isNaN(report.classifierAccuracy())) {
            m.put("classifier_held_out_accuracy", report.classifierAccuracy());
            m.put("classifier_training_images", report.classifierImages());
        }
        m.put("samples", r.samples());
        m.put("held_out", r.validation());
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        List<Map<String, Object>> ds = new ArrayList<>();
        for (int i = 0; i < r.directions().size(); i++) {
            ClassDirections.Fitted d = r.directions().get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", d.name());
            e.put("class", d.className());
            e.put("share", d.share());
            e.put("accuracy", d.validationAccuracy());
            e.put("balanced_accuracy", d.balancedAccuracy());
            if (!report.effects().isEmpty()) {
                ClassDirections.Effect f = report.effects().get(i);
                e.put("steps", f.steps());
                e.put("mean_probability", f.meanProbability());
                e.put("share_of_class", f.shareOfClass());
            }
            ds.add(e);
        }
        m.put("directions", ds);
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (ClassDirections.Skipped s : r.skipped()) {
            Map<String, Object> e = new LinkedHashMap<>(); // Map.of's order changes from one run to the next
            e.put("class", s.className());
            e.put("samples", s.samplesOfClass());
            skipped.add(e);
        }
        m.put("skipped", skipped);
        m.put("latents", report.latentsFile().toAbsolutePath().toString());
        return m;
    }
}
