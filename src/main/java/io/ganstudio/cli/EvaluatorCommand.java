package io.ganstudio.cli;

import io.ganstudio.core.quality.ClassifierTraining;
import io.ganstudio.core.quality.EvaluatorCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The evaluator's own classifier: how the shipped weights in assets/evaluator/ are made. */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "The Fashion-MNIST classifier that 'evaluate' measures in.",
        subcommands = {EvaluatorCommand.Train.class})
final class EvaluatorCommand extends CommandGroup {

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train the evaluator's classifier on the Fashion-MNIST training set (60,000 images), "
                    + "report its accuracy on the 10,000 built-in images, compute the real-vs-real floor "
                    + "(10,000 training images vs the built-in ones), and write fashion-mnist-cnn.params and "
                    + "fashion-mnist-cnn.json. Copy both to assets/evaluator/ and rebuild to ship them.",
                    "On Debian the training set is in the package dataset-fashion-mnist."})
    static final class Train implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--fmnist", paramLabel = "DIR", defaultValue = "/usr/share/datasets/fashion-mnist",
                description = "Folder with train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz. "
                        + "Default: ${DEFAULT-VALUE}.")
        Path fmnist;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "assets/evaluator",
                description = "Where to write the weights and their description. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
                description = "Passes over the training set. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (epochs < 1 || epochs > 100) {
                throw new UsageError("--epochs must be between 1 and 100, not " + epochs);
            }
            if (!Files.isDirectory(fmnist)) {
                throw new UsageError("there is no folder at " + fmnist.toAbsolutePath() + " (on Debian: apt-get "
                        + "install dataset-fashion-mnist)");
            }
            Outputs.folder("--out", out);
            PrintWriter o = spec.commandLine().getOut();
            String command = String.format(Locale.ROOT, "gan-studio evaluator train --fmnist %s --out %s "
                    + "--epochs %d --seed %d", fmnist, out, epochs, seed);
            EvaluatorCard card = ClassifierTraining.run(fmnist, out, new ClassifierTraining.Settings(epochs,
                    1e-3f, seed), command, o);
            o.printf(Locale.ROOT, "wrote %s and %s (test accuracy %.4f, floor FID %.3f)%n",
                    out.resolve("fashion-mnist-cnn.params"), out.resolve("fashion-mnist-cnn.json"),
                    card.testAccuracy(), card.floorFid());
            return Cli.OK;
        }
    }
}
