package io.ganstudio.cli;

import io.ganstudio.core.anomaly.FolderInspection;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.SkippedFile;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.AnomalyScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Scores every image of a folder with a run's fitted encoder and writes a CSV (and heatmaps). */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score every image in a folder (and its subfolders) with the run's encoder: higher is "
                + "less like the training images. Images of another size or colour mode are converted as training "
                + "data is; files that are not images are skipped and listed.",
                "A folder with subfolders good/ok/normal and others (the MVTec AD layout) is labelled: AUROC and "
                        + "F1 are printed, for the GAN's score and for the pixel-nearest-neighbour baseline."})
final class AnomalyScoreCommand implements Callable<Integer> {

    private static final int MAX_SKIPPED_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", description = "The run folder with a fitted inspection model "
            + "(gan-studio anomaly fit). With --model, the run the model must belong to.")
    Path run;

    @Option(names = "--model", paramLabel = "FILE", description = "An inspection model file (a copy of "
            + "RUN/anomaly/encoder.gse, e.g. from another machine), used as it is with its threshold; without --run "
            + "the baseline uses the normal reference images inside it.")
    Path model;

    @Option(names = "--method", paramLabel = "M", description = "Score with this method instead of the model's "
            + "default: combined, padim, feature-nn, rotation or fanogan.")
    String method;

    @Option(names = "--data", paramLabel = "FOLDER", required = true, description = "The images to inspect.")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "Where to write the results: "
            + "path,score,normalised_score,above_threshold,image_term,feature_term,pixel_nn_distance,label. "
            + "An existing CSV is replaced only with --force; other files and a run folder's own files never are.")
    Path csv;

    @Option(names = "--maps", paramLabel = "DIR", description = "Also write each image's heatmap over the image "
            + "as a PNG into DIR (named after the image's path): a new or empty folder, or any with --force.")
    Path maps;

    @Mixin
    Outputs.Force force;

    @Option(names = "--percentile", paramLabel = "P", description = "Threshold at this percentile of the "
            + "validation scores instead of the one chosen at fit time (lower: more sensitive).")
    Double percentile;

    @Option(names = "--no-baseline", description = "Skip the pixel-nearest-neighbour baseline (it needs the run's "
            + "training images).")
    boolean noBaseline;

    @Option(names = "--json", description = "Print the summary as one JSON object instead of text.")
    boolean json;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where decoded datasets are cached.")
    Path cache;

    @Override
    public Integer call() throws Exception {
        if (percentile != null && !(percentile >= 50 && percentile <= 100)) {
            throw new UsageError("--percentile must lie between 50 and 100, not " + percentile);
        }
        Outputs.file("--csv", csv, OutputCheck.Kind.CSV, force.force);
        if (maps != null) {
            Outputs.emptyFolder("--maps", maps, force.force);
        }
        if (run == null && model == null) {
            throw new UsageError("give the run (--run RUN) or an inspection model file (--model FILE)");
        }
        ScoreMethod chosen = null;
        if (method != null) {
            try {
                chosen = ScoreMethod.parse(method);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--method: " + e.getMessage());
            }
        }
        RunFolder folder = run == null ? null : RunFolders.open(run);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineSetup.init();
        AnomalyScoring scoring;
        try {
            scoring = model != null ? AnomalyScoring.open(model, folder) : AnomalyScoring.open(folder);
        } catch (NoSuchFileException e) {
            throw new UsageError(e.getReason() != null ? e.getReason() : e.getMessage());
        } catch (IOException e) {
            throw new UsageError(Cli.oneLine(e.getMessage()));
        }
        if (chosen != null) {
            scoring.setMethod(chosen);
        }
        try (scoring) {
            boolean withBaseline = !noBaseline && baseline(scoring, err);
            FolderInspection.Summary s;
            try {
                s = scoring.score(new AnomalyScoring.Request(data, scoring.threshold(percentile), withBaseline, csv),
                        maps == null ? null : (item, inspection, row) -> {
                            Path map = maps.resolve(AnomalyScoring.mapName(row.path()));
                            Outputs.file("--maps", map, OutputCheck.Kind.IMAGE, force.force);
                            scoring.writeMap(item.pixels(), inspection, AnomalyScoring.DEFAULT_OPACITY, map);
                        }, null, () -> false);
            } catch (DatasetException e) {
                throw new UsageError("--data: " + Cli.oneLine(e.getMessage()));
            }
            if (json) {
                out.println(GanJson.compact().toJson(summary(s)));
            } else {
                out.printf(Locale.ROOT, "score: %s%n", scoring.method().id());
                printText(out, s);
            }
            out.flush();
        }
        return Cli.OK;
    }

    /** Loads the baseline's training images; without them the scores are still written, with a warning. */
    private boolean baseline(AnomalyScoring scoring, PrintWriter err) throws IOException {
        try {
            scoring.loadBaseline(cache != null ? cache : AppDirs.datasetCacheDir(), () -> false);
            return true;
        } catch (DatasetException e) {
            err.println("warning: no pixel-nearest-neighbour baseline: the run's training images cannot be loaded ("
                    + Cli.oneLine(e.getMessage()) + ")");
            return false;
        }
    }

    private void printText(PrintWriter out, FolderInspection.Summary s) {
        long above = s.rows().stream().filter(r -> r.aboveThreshold()).count();
        out.printf(Locale.ROOT, "scored %d images in %.1f s (%.0f per second); %d above the threshold %.5f "
                        + "(%s percentile of the normal validation scores)%n", s.rows().size(), s.seconds(),
                s.rows().size() / Math.max(1e-9, s.seconds()), above, s.threshold().value(),
                s.threshold().percentile());
        printSkipped(out, s.skipped());
        if (s.gan() != null) {
            LabelledMetrics g = s.gan();
            out.printf(Locale.ROOT, "labelled folder: %d normal, %d anomalous%n", g.normal(), g.anomalous());
            out.printf(Locale.ROOT, "AUROC %.4f  F1 %.4f at the threshold (precision %.4f, recall %.4f)%n",
                    g.auroc(), g.f1(), g.precision(), g.recall());
            if (s.baseline() != null) {
                out.printf(Locale.ROOT, "baseline (pixel distance to the nearest training image): AUROC %.4f%n",
                        s.baseline().auroc());
            }
        }
        out.println("csv: " + csv.toAbsolutePath());
        if (maps != null) {
            out.println("maps: " + maps.toAbsolutePath());
        }
    }

    private static void printSkipped(PrintWriter out, List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("skipped " + skipped.size() + " file" + (skipped.size() == 1 ? "" : "s") + ":");
        skipped.stream().limit(MAX_SKIPPED_SHOWN).forEach(f -> out.println("  " + f.path() + ": " + f.reason()));
        if (skipped.size() > MAX_SKIPPED_SHOWN) {
            out.println("  ... and " + (skipped.size() - MAX_SKIPPED_SHOWN) + " more");
        }
    }

    /** A skipped file as JSON, its keys in a fixed order: path, then reason. */
    static Map<String, String> skippedEntry(SkippedFile f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", f.path().toString());
        m.put("reason", f.reason());
        return m;
    }

    private Map<String, Object> summary(FolderInspection.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", s.rows().size());
        m.put("above_threshold", s.rows().stream().filter(r -> r.aboveThreshold()).count());
        m.put("threshold", s.threshold().value());
        m.put("percentile", s.threshold().percentile());
        m.put("seconds", s.seconds());
        m.put("skipped", s.skipped().stream().map(AnomalyScoreCommand::skippedEntry).toList());
        if (s.gan() != null) {
            m.put("normal", s.gan().normal());
            m.put("anomalous", s.gan().anomalous());
            m.put("auroc", s.gan().auroc());
            m.put("f1", s.gan().f1());
            m.put("precision", s.gan().precision());
            m.put("recall", s.gan().recall());
            m.put("roc", s.gan().roc().stream().map(p -> new double[] {p.falsePositiveRate(),
                    p.truePositiveRate()}).toList());
            if (s.baseline() != null) {
                m.put("baseline_auroc", s.baseline().auroc());
            }
        }
        m.put("csv", csv.toAbsolutePath().toString());
        return m;
    }
}
