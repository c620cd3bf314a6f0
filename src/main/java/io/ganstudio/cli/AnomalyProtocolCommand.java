package io.ganstudio.cli;

import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.jobs.OneClassProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The one-class Fashion-MNIST benchmark: for each chosen class, GAN + encoder on that class, AUROC on the test set. */
@Command(name = "protocol", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The one-class protocol on Fashion-MNIST: for each class c, train the GAN and the encoder "
                + "on the training images of class c only, score the 10,000 built-in test images (anomalous = not "
                + "class c) and print the AUROC of the GAN's score and of the pixel-nearest-neighbour baseline.",
                "Test labels are used for the AUROC only. Needs the 60,000-image training set (Debian package "
                        + "dataset-fashion-mnist). Long: minutes per class."})
final class AnomalyProtocolCommand implements Callable<Integer> {

    static final Path DEBIAN_TRAIN = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "C", split = ",", required = true,
            description = "Normal class(es), 0-9, comma separated.")
    List<Integer> classes;

    @Option(names = "--train-images", paramLabel = "FILE", description = "The training images (IDX, labels file "
            + "beside it). Default: " + "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
    Path trainImages = DEBIAN_TRAIN;

    @Option(names = "--gan-steps", paramLabel = "N", defaultValue = "1000",
            description = "GAN training steps per class (batch 64). Default: ${DEFAULT-VALUE}.")
    long ganSteps;

    @Option(names = "--encoder-steps", paramLabel = "N", defaultValue = "1000",
            description = "Encoder steps per class (batch 32). Default: ${DEFAULT-VALUE}.")
    int encoderSteps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--reuse", description = "Use the runs an earlier protocol left in --out: a class whose run has "
            + "its final checkpoint is not trained again, and an encoder fitted to that checkpoint with the same "
            + "steps is kept; the feature statistics and all scores are computed anew.")
    boolean reuse;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/one-class",
            description = "Where the per-class runs go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        for (int c : classes) {
            if (c < 0 || c > 9) {
                throw new UsageError("--class must be 0 to 9, not " + c);
            }
        }
        Ranges.steps("--gan-steps", ganSteps, 1);
        Ranges.check("--encoder-steps", encoderSteps, 1, 1_000_000);
        if (!Files.isRegularFile(trainImages)) {
            throw new UsageError("--train-images: there is no file at " + trainImages + " (on Debian or Ubuntu: "
                    + "apt install dataset-fashion-mnist)");
        }
        Outputs.folder("--out", out);
        PrintWriter o = spec.commandLine().getOut();
        EngineSetup.init();
        OneClassProtocol.Settings settings = new OneClassProtocol.Settings(trainImages, ganSteps, encoderSteps, seed,
                reuse);
        List<OneClassProtocol.Result> results = OneClassProtocol.runAll(classes, settings, out,
                new OneClassProtocol.Progress() {
                    @Override
                    public void subsetWritten(int c, int images, Path idx) {
                        line("class " + c + ": " + images + " training images -> " + idx);
                    }

                    @Override
                    public void ganTrained(int c, long steps, double seconds) {
                        line(String.format(Locale.ROOT, "class %d: GAN trained %d steps in %.0f s", c, steps,
                                seconds));
                    }

                    @Override
                    public void ganReused(int c, Path runDir) {
                        line("class " + c + ": reusing the trained GAN in " + runDir);
                    }

                    @Override
                    public void encoderFitted(int c, int steps, double seconds) {
                        line(String.format(Locale.ROOT, "class %d: inspection model fitted (encoder %d steps, "
                                + "feature statistics) in %.0f s", c, steps, seconds));
                    }

                    @Override
                    public void classDone(OneClassProtocol.Result r) {
                        line(row(r));
                    }

                    private void line(String text) {
                        o.println(text);
                        o.flush();
                    }
                });
        o.println(header());
        o.println("|---|" + "---:|".repeat(ScoreMethod.values().length + 4));
        results.forEach(r -> o.println(row(r)));
        if (results.size() > 1) {
            StringBuilder mean = new StringBuilder("| mean |");
            for (ScoreMethod m : ScoreMethod.values()) {
                mean.append(String.format(Locale.ROOT, " %.3f |",
                        results.stream().mapToDouble(r -> r.auroc(m)).average().orElseThrow()));
            }
            mean.append(String.format(Locale.ROOT, " %.3f | | | |",
                    results.stream().mapToDouble(OneClassProtocol.Result::baselineAuroc).average().orElseThrow()));
            o.println(mean);
            long ahead = results.stream().filter(r -> r.ganAuroc() > r.baselineAuroc()).count();
            o.printf(Locale.ROOT, "the default score (%s) is ahead of the pixel baseline on %d of %d classes%n",
                    ScoreMethod.DEFAULT.id(), ahead, results.size());
        }
        o.flush();
        return Cli.OK;
    }

    static String header() {
        StringBuilder h = new StringBuilder("| class |");
        for (ScoreMethod m : ScoreMethod.values()) {
            h.append(' ').append(m.id()).append(m == ScoreMethod.DEFAULT ? " (default)" : "").append(" |");
        }
        return h.append(" pixel-NN baseline | GAN s | fit s | scoring 10,000 s |").toString();
    }

    private static String row(OneClassProtocol.Result r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "| %d %s |", r.normalClass(),
                r.className()));
        for (ScoreMethod m : ScoreMethod.values()) {
            b.append(String.format(Locale.ROOT, " %.3f |", r.auroc(m)));
        }
        b.append(String.format(Locale.ROOT, " %.3f | %s | %.0f%s | %.1f |", r.baselineAuroc(),
                Double.isNaN(r.ganSeconds()) ? "reused" : String.format(Locale.ROOT, "%.0f", r.ganSeconds()),
                r.encoderSeconds(), r.encoderReused() ? " (encoder reused)" : "", r.scoreSeconds()));
        return b.toString();
    }
}
