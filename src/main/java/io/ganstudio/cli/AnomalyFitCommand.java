package io.ganstudio.cli;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.EncoderFit;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.AnomalyFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Trains the encoder of a run and writes it, with the validation scores and threshold, into the run folder. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the inspection model of a trained run (G and D stay frozen) and write it as one file, "
                + "RUN/anomaly/encoder.gse: the networks, f-AnoGAN's encoder, a Gaussian per position of D's last "
                + "feature map, a classifier of the quarter turns of the normal images on D's features, the normal "
                + "reference images, every score's validation statistics and threshold.",
                "The validation images (--validation of the run's training images) are held out of the encoder's "
                        + "training, not of the GAN's."})
final class AnomalyFitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The trained run folder.")
    Path run;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + EncoderFit.Settings.DEFAULT_STEPS,
            description = "Encoder training steps of 32 images. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.1",
            description = "Share of the normal images held out to set the threshold. Default: ${DEFAULT-VALUE}.")
    double validation;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "99",
            description = "Threshold: this percentile of the validation images' scores (50-100). "
                    + "Default: ${DEFAULT-VALUE}.")
    double percentile;

    @Option(names = "--method", paramLabel = "M", defaultValue = "combined",
            description = "The model's default score (every one stays selectable when scoring): combined, padim, "
                    + "feature-nn, rotation or fanogan. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where decoded datasets are cached. "
            + "Default: ~/.cache/gan-studio (or $XDG_CACHE_HOME/gan-studio).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--steps", steps, 1, 1_000_000);
        if (!(validation > 0 && validation < 1)) {
            throw new UsageError("--validation must lie between 0 and 1, not " + validation);
        }
        if (!(percentile >= 50 && percentile <= 100)) {
            throw new UsageError("--percentile must lie between 50 and 100, not " + percentile);
        }
        ScoreMethod chosen;
        try {
            chosen = ScoreMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--method: " + e.getMessage());
        }
        RunFolder folder = RunFolders.open(run);
        if (Checkpoints.list(folder.checkpointDir()).isEmpty()) {
            throw new UsageError("the run at " + run.toAbsolutePath() + " has no checkpoint yet: train it first");
        }
        // Before the fitting, which takes minutes: the encoder's folder in the run must be the run's own and writable.
        Path encoderDir = EncoderFile.path(folder.dir()).getParent();
        if (Files.isSymbolicLink(encoderDir)) {
            throw new UsageError(encoderDir + " is a symbolic link, and the encoder is written only into the run's "
                    + "own folder; remove the link, then fit again");
        }
        Outputs.writable(encoderDir);
        PrintWriter out = spec.commandLine().getOut();
        EngineSetup.init();
        int every = Math.max(1, steps / 20);
        AnomalyFit.Result fitted;
        try {
            fitted = AnomalyFit.fit(new AnomalyFit.Request(run, steps, validation, percentile,
                    cache != null ? cache : AppDirs.datasetCacheDir(), chosen), new AnomalyFit.Progress() {
                        @Override
                        public void started(int images, int total) {
                            out.printf(Locale.ROOT, "fitting the encoder on %d normal images for %d steps%n", images,
                                    total);
                            out.flush();
                        }

                        @Override
                        public void step(int step, int total, float loss, float img, float feat) {
                            if (step % every == 0 || step == total) {
                                out.printf(Locale.ROOT, "step %d/%d  loss %.5f  (image %.5f, feature %.5f)%n", step,
                                        total, loss, img, feat);
                                out.flush();
                            }
                        }
                    }, () -> false);
        } catch (DatasetException e) {
            throw new UsageError("the run's training data cannot be loaded: " + Cli.oneLine(e.getMessage()));
        }
        print(out, fitted);
        return Cli.OK;
    }

    static void print(PrintWriter out, AnomalyFit.Result fitted) {
        EncoderFile.Header h = fitted.encoder().header();
        out.printf(Locale.ROOT, "encoder:   %s (fitted to the GAN checkpoint of step %d, %.0f s)%n",
                fitted.file().toAbsolutePath(), h.ganStep(), h.seconds());
        out.printf(Locale.ROOT, "method:    %s (default; others: %s)%n", h.method(), ScoreMethod.ids());
        out.printf(Locale.ROOT, "threshold: %.5f = the %s percentile of %d normal validation images' scores "
                + "(held out of the encoder's and the feature statistics' fit)%n", h.threshold(),
                trim(h.percentile()), h.validationImages());
        out.flush();
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) + "th" : p + "th";
    }
}
