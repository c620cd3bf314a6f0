package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Decimals;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Trains a new run, or continues one, through the same {@link TrainingSession} the studio uses. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a DCGAN. Writes a run folder (config.json, metrics.csv, samples/, checkpoints/) that "
                + "the studio opens too. Ctrl-C stops cleanly after writing a checkpoint. Health warnings (D "
                + "overfitting, mode collapse, memorisation, one network overpowering the other) go to stderr with "
                + "what to try, and into health.csv.")
final class TrainCommand implements Callable<Integer> {

    /** What may accompany --resume without changing a training setting. */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--steps", "--epochs", "--cache",
            "--verbose", "--quiet", "--quality-every", "--engine");

    /** Why the options that a resume may not change are refused. */
    private static final Map<String, String> RESUME_REFUSED = Map.ofEntries(
            Map.entry("--data", "the images are part of the run"),
            Map.entry("--size", "it sets the networks' shapes, so the saved weights would not fit"),
            Map.entry("--latent", "it sets the networks' shapes, so the saved weights would not fit"),
            Map.entry("--g-width", "it sets the networks' shapes, so the saved weights would not fit"),
            Map.entry("--d-width", "it sets the networks' shapes, so the saved weights would not fit"),
            Map.entry("--norm", "it sets the networks' layers, so the saved weights would not fit"),
            Map.entry("--spectral-norm", "it sets the networks' layers, so the saved weights would not fit"),
            Map.entry("--conditional", "it sets the networks' layers, so the saved weights would not fit"),
            Map.entry("--upsampling", "it sets the networks' layers, so the saved weights would not fit"),
            Map.entry("--seed", "it fixes the sample noise and the data order of the whole run"),
            Map.entry("--out", "the run stays in its own folder"));

    private static final int MAX_SKIPPED_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainOptions options;

    @Mixin
    EngineOption engine = new EngineOption();

    @ArgGroup(exclusive = true)
    Length length = new Length();

    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "Generator steps to train in total, at most "
                + "10,000,000 (with --resume: the new target). Default: 2000 for a new run.")
        Long steps;

        @Option(names = "--epochs", paramLabel = "E", description = "Train for E passes over the dataset "
                + "instead (converted to steps with the dataset's size and the batch size; at most 10,000,000 "
                + "steps).")
        Double epochs;
    }

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create: a new or empty folder "
            + "(a folder of other files is refused, so none of them is replaced). "
            + "Default: runs/<timestamp>_<dataset> under the current directory.")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run folder from its newest "
            + "checkpoint; --steps or --epochs sets the new target. Its own settings are kept except the ones given: "
            + "--loss, --label-smoothing, --lr-g, --lr-d, the betas, --d-steps, --batch, --sample-every, "
            + "--checkpoint-every, --keep-checkpoints, --engine, --device (weights and optimizer state carry over; "
            + "config.json records each change). It continues on the run's own engine and device unless --engine or "
            + "--device names another.")
    Path resume;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where decoded datasets are cached. "
            + "Default: ~/.cache/gan-studio (or $XDG_CACHE_HOME/gan-studio).")
    Path cache;

    @Option(names = "--quality-every", paramLabel = "STEPS", defaultValue = "auto", description = "Measure quality "
            + "every this many steps on 512 samples (FID/KID on the built-in data; coverage, diversity and "
            + "memorisation always), written to quality.csv; 0 turns it off. 'auto': about 10 times a run, a tenth "
            + "of --steps rounded up to tens but at least 50 (200 steps: every 50; 5000: every 500). Skipped "
            + "whenever the measuring would pass 5%% of training time. Default: ${DEFAULT-VALUE}.")
    String qualityEvery;

    @Option(names = "--verbose", description = "Also print how the engine was set up (threads, environment) "
            + "and the engine's INFO log lines (by default only its warnings reach stderr).")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only warnings, errors and where the run folder is.")
    boolean quiet;

    /** --quality-every as the session takes it: a number of steps, or QualityProbe.AUTO for 'auto'. */
    private int qualityInterval() {
        String v = qualityEvery == null ? "auto" : qualityEvery.trim();
        if (v.equalsIgnoreCase("auto")) {
            return QualityProbe.AUTO;
        }
        long steps;
        try {
            steps = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageError("--quality-every must be 'auto' or a number of steps, not " + v);
        }
        Ranges.steps("--quality-every", steps, 0);
        return (int) steps;
    }

    @Override
    public Integer call() throws Exception {
        qualityInterval(); // refused here, before anything starts
        if (length.steps != null) {
            Ranges.steps("--steps", length.steps, 1);
        }
        if (length.epochs != null) {
            Ranges.positive("--epochs", length.epochs, Ranges.MAX_EPOCHS);
        }
        options.checkRanges();
        Path cacheDir = cache != null ? cache : AppDirs.datasetCacheDir();
        return resume != null ? resumeRun(cacheDir) : newRun(cacheDir);
    }

    private int newRun(Path cacheDir) throws IOException, InterruptedException {
        DataSpec data = options.dataSpec();
        long defaultSteps = TrainConfig.defaults().steps();
        GanConfig config = options.toConfig(data, length.steps != null ? length.steps : defaultSteps);
        requireValid(config.problems());
        if (out != null && Files.exists(out.resolve("config.json"))) {
            throw new UsageError("--out: " + out + " already holds a run; continue it with --resume " + out
                    + " or choose another folder");
        }
        if (out != null) {
            try {
                RunFolder.checkNewRunDir(out); // before the data is loaded, which may take long
            } catch (IOException e) {
                throw new UsageError("--out: " + Cli.oneLine(FileErrors.text(e)));
            }
        }
        config = config.withEngine(startEngine(EngineChoice.AUTO, DeviceChoice.CPU))
                .withDevice(EngineSetup.deviceChoice());
        LoadResult loaded = loadData(config, cacheDir);
        GanConfig fitted = options.forData(config, loaded.dataset().count(), loaded.dataset().channels());
        if (!fitted.equals(config)) {
            config = fitted;
            if (!quiet) {
                TrainConfig t = fitted.train();
                spec.commandLine().getOut().printf(Locale.ROOT, "a small colour folder: networks %d and %d channels "
                        + "wide, learning rates %s (G) and %s (D), generator average %s (--g-width, --d-width, "
                        + "--lr-g, --lr-d and --ema choose others; docs/training.md says why)%n",
                        fitted.model().generatorWidth(), fitted.model().discriminatorWidth(),
                        Decimals.plain(t.generatorOptimizer().learningRate()),
                        Decimals.plain(t.discriminatorOptimizer().learningRate()),
                        t.emaDecay() > 0f ? Decimals.plain(t.emaDecay()) : "off");
            }
        }
        if (length.epochs != null) {
            config = config.withTrain(config.train().withSteps(stepsFor(length.epochs, loaded, config.train())));
            requireValid(config.problems());
        }
        Path runDir = out != null ? out : RunFolder.newRunDir(Path.of("runs"), runName(data));
        TrainProgress progress = progress(config.train());
        return drive(TrainingSession.newRun(config, runDir, cacheDir, progress), progress);
    }

    private int resumeRun(Path cacheDir) throws IOException, InterruptedException {
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName).toList();
        List<String> refused = given.stream().filter(RESUME_REFUSED::containsKey)
                .map(n -> n + " cannot change when a run is continued: " + RESUME_REFUSED.get(n)).toList();
        if (!refused.isEmpty()) {
            throw new UsageError(String.join("\n", refused) + "\n(start a new run without --resume to change it)");
        }
        GanConfig config = RunFolders.config(resume);
        RunFolder.refuseLinks(resume); // before the data is loaded; the trainer checks again when it takes the run
        Outputs.writable(resume);
        TrainConfig train = options.resumeSettings(config.train(), given);
        // Without --engine/--device the run continues where it trained; with them, on the engine or device asked
        // for (its checkpoints mean the same on each), and config.json records the switch.
        DeviceChoice recordedDevice = config.deviceOrDefault();
        DeviceChoice givenDevice = engine.deviceChoice(recordedDevice);
        try {
            startEngine(config.engineOrDefault(), givenDevice);
        } catch (UsageError e) {
            if (recordedDevice == DeviceChoice.GPU && givenDevice == DeviceChoice.GPU) {
                throw new UsageError(List.of(e.getMessage(), "(this run trained on the GPU; --device cpu continues "
                        + "it on the CPU)"));
            }
            throw e;
        }
        if (length.steps != null) {
            train = train.withSteps(length.steps);
        } else if (length.epochs != null) {
            train = train.withSteps(stepsFor(length.epochs, loadData(config, cacheDir), train));
        }
        requireValid(train.problems());
        TrainProgress progress = progress(train);
        try {
            return drive(TrainingSession.resumeRun(resume, train, cacheDir, progress), progress);
        } catch (InvalidConfigException e) {
            throw new UsageError(e.problems());
        }
    }

    /** Loads the engine after the command line is known to be valid, so a typo is reported at once. */
    private EngineChoice startEngine(EngineChoice fallback, DeviceChoice onDevice) {
        var report = engine.start(fallback, onDevice);
        if (verbose) {
            spec.commandLine().getOut().print(report.describe());
            spec.commandLine().getOut().flush();
        }
        return EngineSetup.engine();
    }

    private static void requireValid(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new UsageError(problems);
        }
    }

    /**
     * Decodes the data once before training: a bad folder fails here, before a run folder exists, and the report
     * (found, skipped and why) is printed up front. The session then reads the same images from the cache.
     */
    private LoadResult loadData(GanConfig config, Path cacheDir) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            LoadResult r = DatasetLoader.load(config.data(), config.model().imageSize(),
                    new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(), () -> false),
                    (done, total) -> { });
            if (!quiet) {
                out.println(r.report().summary().strip());
                printSkipped(r, out);
                out.flush();
            }
            return r;
        } catch (DatasetException e) {
            throw new UsageError("--data: " + Cli.oneLine(e.getMessage()));
        }
    }

    /**
     * Skipped files grouped by reason, most common first: a reason shared by many files is one line with an
     * example, a rarer one lists its files, up to a screenful. The run folder's data-report.txt has them all.
     */
    private static void printSkipped(LoadResult r, PrintWriter out) {
        int lines = 0;
        for (var group : r.report().skippedByReason().entrySet()) {
            var files = group.getValue();
            if (files.size() > 3) {
                out.println("  skipped " + files.size() + " files: " + group.getKey() + " (e.g. "
                        + files.get(0).path().getFileName() + ")");
                lines++;
            } else {
                for (var f : files) {
                    out.println("  skipped " + f.path() + ": " + group.getKey());
                    lines++;
                }
            }
            if (lines >= MAX_SKIPPED_SHOWN) {
                out.println("  ... more in data-report.txt in the run folder");
                return;
            }
        }
    }

    private static long stepsFor(double epochs, LoadResult data, TrainConfig train) {
        if (!(epochs > 0)) {
            throw new UsageError("--epochs must be above 0, not " + epochs);
        }
        // Each step shows D batch x d-steps real images.
        long perStep = (long) train.batchSize() * train.discriminatorSteps();
        double steps = Math.ceil(epochs * data.dataset().count() / perStep);
        if (steps > Ranges.MAX_STEPS) {
            throw new UsageError("--epochs " + epochs + " would be " + Ranges.number(steps) + " steps ("
                    + data.dataset().count() + " images, " + perStep + " per step); a run trains at most "
                    + Ranges.number(Ranges.MAX_STEPS) + " steps: ask for fewer epochs");
        }
        return Math.max(1, (long) steps);
    }

    private TrainProgress progress(TrainConfig train) {
        return new TrainProgress(spec.commandLine().getOut(), spec.commandLine().getErr(),
                System.console() != null, quiet, train.steps(), train.batchSize() * train.discriminatorSteps());
    }

    /** Starts the session, stops it cleanly on Ctrl-C, waits for its end and reports. */
    private int drive(TrainingSession session, TrainProgress progress) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C: the session's own shutdown hook stops after the current step and writes a checkpoint.
        session.setQualityEvery(qualityInterval());
        session.start();
        session.awaitEnd(Long.MAX_VALUE, TimeUnit.DAYS);
        SessionEvent.Failed failed = progress.failure();
        if (failed != null) {
            err.println("error: " + failed.message());
            err.println(failed.advice());
            if (session.runDir() != null) {
                err.println("run folder: " + session.runDir().toAbsolutePath());
            }
            return Cli.FAILED;
        }
        SessionEvent.Finished f = progress.finished();
        if (f != null && !quiet) {
            out.println((f.reachedTarget() ? "finished at step " : "stopped at step ") + f.step());
        }
        if (session.runDir() != null) {
            out.println("run folder: " + session.runDir().toAbsolutePath());
        }
        if (progress.lastCheckpoint() != null && !quiet) {
            out.println("checkpoint: " + progress.lastCheckpoint().toAbsolutePath());
        }
        if (progress.lastSample() != null && !quiet) {
            out.println("samples:    " + progress.lastSample().toAbsolutePath());
        }
        out.flush();
        return Cli.OK;
    }

    private static String runName(DataSpec data) {
        if (data.kind() == DataSpec.Kind.BUILT_IN) {
            return "fashion-mnist";
        }
        Path name = Path.of(data.path()).getFileName();
        return name == null ? "run" : name.toString();
    }
}
