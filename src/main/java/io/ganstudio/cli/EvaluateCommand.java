package io.ganstudio.cli;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.quality.KernelDistances;
import io.ganstudio.core.quality.QualityReport;
import io.ganstudio.core.quality.QualityText;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.jobs.RunEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Measures how good a run's generator is: FID/KID/class shares on the built-in data; coverage, diversity, copies. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a run's newest generator against its training images.",
                "Every run: coverage (NDB: bins of the real images filled differently, and their JS divergence), "
                        + "diversity (samples' mean pairwise distance relative to the real images') and "
                        + "memorisation (how close samples come to real images).",
                "Every run also gets KID (x 1000) in the pixels of 8x8 thumbnails and in the run's own "
                        + "discriminator's features, each with its real-vs-real floor (one half of the training "
                        + "images vs the other).",
                "Runs on the built-in Fashion-MNIST also get FID and KID in the features of the shipped "
                        + "Fashion-MNIST classifier (samples vs the 10,000 built-in images), the share of samples "
                        + "per class and the classifier's mean confidence, with the real-vs-real floor beside them.",
                "Image i uses noise seed SEED+i, so the same run, seed and count give the same figures."})
final class EvaluateCommand implements Callable<Integer> {

    static final int MAX_SAMPLES = 50_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", required = true,
            description = "Run folder; its newest checkpoint is measured.")
    Path run;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
            description = "Generated images to measure (FID is comparable only at the same N). Default: "
                    + "${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Noise seed of the first sample. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--real-limit", paramLabel = "N", defaultValue = "10000",
            description = "At most this many training images (a fixed random subset) for the pixel-space "
                    + "measures. Default: ${DEFAULT-VALUE}.")
    int realLimit;

    @Option(names = "--nearest", paramLabel = "N", defaultValue = "0",
            description = "Also write a contact sheet: the samples that come closest to a training image (of the "
                    + "first 2,000), each beside its N nearest training images in pixel space and in the run's "
                    + "discriminator's features, with the distances. Default: 0 (no sheet).")
    int nearest;

    @Option(names = "--nearest-rows", paramLabel = "S", defaultValue = "8",
            description = "Samples (rows) on the contact sheet. Default: ${DEFAULT-VALUE}.")
    int nearestRows;

    @Option(names = "--sheet", paramLabel = "FILE.png",
            description = "Where to write the contact sheet (.png, .jpg or .jpeg; an existing picture is replaced "
                    + "only with --force). Default: nearest.png in the run folder, replaced on each --nearest.")
    Path sheet;

    @Mixin
    Outputs.Force force;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--cache", paramLabel = "DIR", description = "Decoded-dataset cache folder. Default: the "
            + "studio's.")
    Path cache;

    @Override
    public Integer call() throws Exception {
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new UsageError("--samples must be between 2 and " + MAX_SAMPLES + ", not " + samples);
        }
        if (nearest < 0 || nearest > 16) {
            throw new UsageError("--nearest must be between 0 (no sheet) and 16, not " + nearest);
        }
        if (nearestRows < 1 || nearestRows > 64) {
            throw new UsageError("--nearest-rows must be between 1 and 64, not " + nearestRows);
        }
        if (realLimit < 2) {
            throw new UsageError("--real-limit must be at least 2, not " + realLimit);
        }
        PrintWriter out = spec.commandLine().getOut();
        GanConfig config = RunFolders.config(run);
        if (nearest > 0) {
            // Checked before the measuring, which takes minutes: a sheet that cannot be written fails now.
            Outputs.image("--sheet", sheetFile(), sheet == null || force.force);
        }
        LoadedCheckpoint generator = RunFolders.latestGenerator(run, spec.commandLine().getErr());
        RunEvaluation.Result result;
        try {
            result = RunEvaluation.evaluate(new RunEvaluation.Request(run, generator, samples, seed, realLimit,
                    nearest, nearestRows, nearest > 0 ? sheetFile() : null,
                    cache != null ? cache : AppDirs.datasetCacheDir()), stage -> { }, () -> false);
        } catch (DatasetException e) {
            throw new UsageError("the run's training images cannot be loaded, so there is nothing to compare "
                    + "with: " + Cli.oneLine(e.getMessage()));
        }
        if (result.sheet() != null && !json) {
            out.println("contact sheet: " + result.sheet().toAbsolutePath());
        }
        LoadedCheckpoint checkpoint = result.checkpoint();
        QualityReport report = result.report();
        RunEvaluation.ClassAgreement agreement = result.agreement();
        if (json) {
            Map<String, Object> m = jsonOf(config, checkpoint, report);
            KernelDistances.Result d = result.distances();
            m.put("kid_pixels", d.pixels().value());
            m.put("kid_pixels_floor", d.pixels().floor());
            if (d.features() != null) {
                m.put("kid_features", d.features().value());
                m.put("kid_features_floor", d.features().floor());
            }
            if (agreement != null) {
                Map<String, Double> perClass = new LinkedHashMap<>();
                for (int c = 0; c < agreement.perClass().length; c++) {
                    perClass.put(config.model().classes().get(c), agreement.perClass()[c]);
                }
                m.put("class_agreement", perClass);
                m.put("class_agreement_mean", agreement.overall());
            }
            out.println(GanJson.pretty().toJson(m));
        } else {
            out.printf(Locale.ROOT, "run %s, step %d (%s)%n", run, checkpoint.state().step(),
                    checkpoint.file().getFileName());
            QualityText.english(report).forEach(out::println);
            QualityText.english(result.distances()).forEach(out::println);
            if (agreement != null) {
                double[] shares = agreement.perClass();
                StringBuilder b = new StringBuilder("Classifier agrees with the requested class: ");
                b.append(String.format(Locale.ROOT, "%.1f%% overall;", 100 * agreement.overall()));
                for (int c = 0; c < shares.length; c++) {
                    b.append(String.format(Locale.ROOT, " %s %.1f%%%s", config.model().classes().get(c),
                            100 * shares[c], c < shares.length - 1 ? "," : ""));
                }
                out.println(b);
            }
        }
        return Cli.OK;
    }

    private Path sheetFile() {
        return sheet != null ? sheet : run.resolve("nearest.png");
    }

    private Map<String, Object> jsonOf(GanConfig config, LoadedCheckpoint checkpoint, QualityReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.toAbsolutePath().toString());
        m.put("step", checkpoint.state().step());
        m.put("checkpoint", checkpoint.file().getFileName().toString());
        m.put("data", config.data().displayName());
        m.put("samples", r.samples());
        m.put("seed", seed);
        m.put("real_images", r.realImages());
        if (r.classifier() != null) {
            QualityReport.ClassifierMeasures c = r.classifier();
            m.put("fid", c.fid());
            m.put("kid", c.kid());
            m.put("floor_fid", c.floorFid());
            m.put("floor_kid", c.floorKid());
            Map<String, Double> shares = new LinkedHashMap<>();
            for (int i = 0; i < c.classShares().length; i++) {
                shares.put(c.classNames().get(i), c.classShares()[i]);
            }
            m.put("class_shares", shares);
            m.put("mean_confidence", c.meanConfidence());
        }
        m.put("ndb_bins", r.coverage().bins());
        m.put("ndb_different", r.coverage().differentBins());
        m.put("ndb_js", r.coverage().jsDivergence());
        m.put("diversity_samples", r.diversity().samples());
        m.put("diversity_real", r.diversity().real());
        m.put("diversity_ratio", r.diversity().ratio());
        m.put("nearest_real_median", r.memorisation().medianSampleDistance());
        m.put("real_nearest_median", r.memorisation().medianRealDistance());
        m.put("close_threshold", r.memorisation().closeThreshold());
        m.put("close_share", r.memorisation().closeShare());
        m.put("grid_samples", r.grid().samples());
        m.put("grid_real", r.grid().real());
        m.put("seconds", r.seconds());
        return m;
    }
}
