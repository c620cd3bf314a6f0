package io.ganstudio.cli;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.latent.Projector;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.GeneratorLoader;
import io.ganstudio.jobs.ProjectionJob;
import io.ganstudio.jobs.RunNotUsableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Finds the latent vector whose image is closest to a given image (or measures how well that works). */
@Command(name = "project", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Project an image into a run's latent space: find the z whose generated image is closest "
                + "(Adam on z from the best of several random starts; loss in pixels, in the discriminator's "
                + "features and a prior keeping z typical). Writes reconstruction.png, target.png, z.json and "
                + "loss.csv. With --measure N it instead reports the mean reconstruction error on N images of an "
                + "IDX file against the best of 100 random z.")
final class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The run folder (its newest "
            + "checkpoint that verifies).")
    Path run;

    @Option(names = "--image", paramLabel = "FILE", description = "The image to project (PNG, JPEG, GIF, BMP, "
            + "WebP, TIFF): centre square, resized and composited on the run's background like its training data; "
            + "a colour image is made gray for a grayscale run.")
    Path image;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300",
            description = "Adam steps on z. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--class", paramLabel = "NAME|INDEX", description = "A conditional run's class for the image. "
            + "Default: every class is tried in the random starts and the best kept.")
    String className;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random starts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "projection",
            description = "Folder for the results (reconstruction.png, target.png, z.json, loss.csv; existing "
                    + "ones are replaced only with --force). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin
    Outputs.Force force;

    @Option(names = "--bookmark", paramLabel = "NAME", description = "Also keep the found z in the run folder's "
            + "latents.json under this name (a bookmark of the same name is replaced).")
    String bookmark;

    @Option(names = "--measure", paramLabel = "N", defaultValue = "0", description = "Measure instead: project "
            + "the first N images of --held-out and compare with the best of 100 random z per image.")
    int measure;

    @Option(names = "--held-out", paramLabel = "IDX-FILE", description = "Images the run did not train on, for "
            + "--measure (for the built-in data: the Fashion-MNIST training set's train-images-idx3-ubyte.gz).")
    Path heldOut;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || steps > 100_000) {
            throw new UsageError("--steps must be between 1 and 100000, not " + steps);
        }
        Ranges.check("--measure", measure, 0, 10_000);
        if (measure < 0 || (measure > 0 && heldOut == null)) {
            throw new UsageError("--measure N needs N >= 1 and --held-out IDX-FILE");
        }
        if (bookmark != null && bookmark.isBlank()) {
            throw new UsageError("--bookmark needs a name");
        }
        if (measure == 0 && image == null) {
            throw new UsageError("give --image FILE to project (or --measure N --held-out IDX-FILE)");
        }
        RunFolder folder = RunFolders.open(run);
        if (measure == 0) {
            // Before the projection's work: every file it will write, and the run folder for the bookmark.
            Outputs.files("--out", out, List.of("reconstruction.png", "target.png"), OutputCheck.Kind.IMAGE,
                    force.force);
            Outputs.file("--out", out.resolve("z.json"), OutputCheck.Kind.JSON, force.force);
            Outputs.file("--out", out.resolve("loss.csv"), OutputCheck.Kind.CSV, force.force);
            if (bookmark != null) {
                Outputs.writable(run);
            }
        }
        ModelConfig model = folder.config().model();
        int label = -1;
        if (className != null) {
            if (model.classCount() == 0) {
                throw new UsageError("--class: this run has no classes (it was trained without --conditional); "
                        + "leave out --class");
            }
            label = model.classIndex(className);
            if (label < 0) {
                throw new UsageError("--class: this run has no class \"" + className + "\"; give one of "
                        + String.join(", ", model.classes()) + " or its number 0-" + (model.classCount() - 1));
            }
        }
        SingleImage.Prepared target = null;
        if (measure == 0) {
            try {
                target = ProjectionJob.prepare(folder.config(), image);
            } catch (DatasetException e) {
                throw new UsageError("--image " + image + ": " + Cli.oneLine(e.getMessage()));
            }
        }
        LoadedCheckpoint checkpoint;
        try {
            checkpoint = GeneratorLoader.latest(run);
        } catch (RunNotUsableException e) {
            throw switch (e.problem()) {
                case NO_CHECKPOINT -> new UsageError("the run at " + run.toAbsolutePath()
                        + " has no checkpoint yet: train it first");
                case NO_CHECKPOINT_VERIFIES -> new UsageError(Cli.oneLine(e.detail()));
                default -> RunFolders.usage(e);
            };
        }
        ProjectionJob job = ProjectionJob.of(checkpoint);
        PrintWriter o = spec.commandLine().getOut();
        Projector.Settings settings = Projector.Settings.defaults().withSteps(steps).withSeed(seed);
        if (measure > 0) {
            return measure(job, settings, label, o);
        }
        if (target.madeGray()) {
            o.println("the image is in colour and the run is grayscale: projecting its gray version");
        }
        boolean tty = System.console() != null;
        Projector.Result r = job.project(target.pixels(), label, settings, (done, total, loss, px) -> {
            if (tty && (done % 10 == 0 || done == total)) {
                o.printf(Locale.ROOT, "\rstep %d/%d  loss %.4f  pixel error %.4f", done, total, loss, px);
                o.flush();
            }
        }, () -> false);
        if (tty) {
            o.println();
        }
        job.write(r, target.pixels(), run, image, out);
        o.printf(Locale.ROOT, "pixel error (mean squared, values in [-1, 1]): %.4f after %d steps, %.4f at the "
                + "best random start%n", r.pixelError(), steps, r.startError());
        if (r.label() >= 0) {
            o.println("class: " + job.className(r));
        }
        o.println("wrote reconstruction.png, target.png, z.json and loss.csv to " + out.toAbsolutePath());
        if (bookmark != null) {
            Path file = job.bookmark(run, bookmark, r, image);
            o.println("bookmark \"" + bookmark + "\" kept in " + file.toAbsolutePath());
        }
        return Cli.OK;
    }

    /** Mean pixel error of N projections against the best of 100 random z per image. */
    private int measure(ProjectionJob job, Projector.Settings settings, int label, PrintWriter o) {
        ModelConfig model = job.model();
        ImageDataset images;
        try {
            images = job.heldOut(heldOut, measure);
        } catch (DatasetException e) {
            throw new UsageError("--held-out: " + Cli.oneLine(e.getMessage()));
        }
        if (images.channels() != model.channels()) {
            throw new UsageError("--held-out has " + images.channels() + "-channel images, the run makes "
                    + model.channels());
        }
        ProjectionJob.Measurement m = job.measure(images, measure, label, settings, seed, (i, n, projected, best) -> {
            o.printf(Locale.ROOT, "image %d/%d: projected %.4f, best of 100 random z %.4f%n", i, n, projected, best);
            o.flush();
        });
        o.printf(Locale.ROOT, "mean pixel error (mean squared, values in [-1, 1]) on %d held-out images: projected "
                + "%.4f (%d steps), best of 100 random z %.4f; %.1f s per projection%n", m.images(), m.projected(),
                settings.steps(), m.bestRandom(), m.secondsPerImage());
        return Cli.OK;
    }
}
