package io.ganstudio.cli;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.Projector;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.CorruptCheckpointException;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.image.SampleGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                target = SingleImage.read(image, folder.config().data(), model.imageSize(), model.channels());
            } catch (DatasetException e) {
                throw new UsageError("--image " + image + ": " + Cli.oneLine(e.getMessage()));
            }
        }
        LoadedCheckpoint checkpoint;
        try {
            checkpoint = Checkpoints.readLatest(folder.checkpointDir());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageError("the run at " + run.toAbsolutePath() + " has no checkpoint yet: train it first");
        } catch (CorruptCheckpointException e) {
            throw new UsageError(Cli.oneLine(e.getMessage()));
        }
        EngineSetup.init();
        PrintWriter o = spec.commandLine().getOut();
        try (NDManager root = NDManager.newBaseManager();
             GanNetworks networks = Projector.networksFor(checkpoint, root);
             Projector projector = new Projector(networks)) {
            Projector.Settings settings = Projector.Settings.defaults().withSteps(steps).withSeed(seed);
            if (measure > 0) {
                return measure(networks, projector, settings, label, o);
            }
            if (target.madeGray()) {
                o.println("the image is in colour and the run is grayscale: projecting its gray version");
            }
            boolean tty = System.console() != null;
            Projector.Result r = projector.project(target.pixels(), label, settings, (done, total, loss, px) -> {
                if (tty && (done % 10 == 0 || done == total)) {
                    o.printf(Locale.ROOT, "\rstep %d/%d  loss %.4f  pixel error %.4f", done, total, loss, px);
                    o.flush();
                }
            }, () -> false);
            if (tty) {
                o.println();
            }
            write(r, target.pixels(), model, checkpoint);
            o.printf(Locale.ROOT, "pixel error (mean squared, values in [-1, 1]): %.4f after %d steps, %.4f at the "
                    + "best random start%n", r.pixelError(), steps, r.startError());
            if (r.label() >= 0) {
                o.println("class: " + model.classes().get(r.label()));
            }
            o.println("wrote reconstruction.png, target.png, z.json and loss.csv to " + out.toAbsolutePath());
            if (bookmark != null) {
                LatentBook book = LatentBook.open(run, model.latentSize());
                book.put(new LatentBook.Bookmark(bookmark, r.z(), r.label(), "projection of " + image.getFileName()));
                o.println("bookmark \"" + bookmark + "\" kept in " + run.resolve(LatentBook.FILE).toAbsolutePath());
            }
        }
        return Cli.OK;
    }

    private void write(Projector.Result r, float[] target, ModelConfig model, LoadedCheckpoint checkpoint)
            throws IOException {
        Files.createDirectories(out);
        int size = model.imageSize();
        SampleGrid.writePng(SampleGrid.toArgb(r.image(), 0, model.channels(), size), size, size,
                out.resolve("reconstruction.png"));
        SampleGrid.writePng(SampleGrid.toArgb(target, 0, model.channels(), size), size, size, out.resolve("target.png"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run.toAbsolutePath().toString());
        json.put("checkpoint", checkpoint.file().getFileName().toString());
        json.put("step", checkpoint.state().step());
        json.put("image", image.toAbsolutePath().toString());
        if (r.label() >= 0) {
            json.put("class", model.classes().get(r.label()));
            json.put("class_index", r.label());
        }
        json.put("pixel_error", r.pixelError());
        json.put("start_pixel_error", r.startError());
        json.put("z", r.z());
        byte[] text = GanJson.pretty().toJson(json).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out.resolve("z.json"), s -> s.write(text));
        StringBuilder csv = new StringBuilder("step,loss,pixel_error\n");
        for (int i = 0; i < r.losses().length; i++) {
            csv.append(i + 1).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f%n", r.losses()[i],
                    r.pixelErrors()[i]));
        }
        byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out.resolve("loss.csv"), s -> s.write(csvBytes));
    }

    /** Mean pixel error of N projections against the best of 100 random z per image. */
    private int measure(GanNetworks networks, Projector projector, Projector.Settings settings, int label,
                        PrintWriter o) throws IOException {
        ModelConfig model = networks.config();
        ImageDataset images;
        try {
            images = DatasetLoader.load(DataSpec.idx(heldOut.toAbsolutePath().toString()).withLimit(measure),
                    model.imageSize(), LoadOptions.defaults(), null).dataset();
        } catch (DatasetException e) {
            throw new UsageError("--held-out: " + Cli.oneLine(e.getMessage()));
        }
        if (images.channels() != model.channels()) {
            throw new UsageError("--held-out has " + images.channels() + "-channel images, the run makes "
                    + model.channels());
        }
        int n = Math.min(measure, images.count());
        int f = images.imageBytes();
        int d = model.latentSize();
        int p = Projector.PARALLEL;
        // 100 random z, rendered once, in batches of the projector's size.
        float[][] randomImages = new float[100][];
        for (int b = 0; b < 100; b += p) {
            float[] zs = new float[p * d];
            for (int i = 0; i < p; i++) {
                System.arraycopy(Latents.fromSeed(seed + 1_000_000 + b + i, d), 0, zs, i * d, d);
            }
            float[] out = networks.sample(zs, p);
            for (int i = 0; i < p; i++) {
                randomImages[b + i] = java.util.Arrays.copyOfRange(out, i * f, (i + 1) * f);
            }
        }
        double sumProjected = 0;
        double sumRandom = 0;
        float[] target = new float[f];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            images.fillBatch(new int[] {i}, target);
            Projector.Result r = projector.project(target, label, settings.withSeed(seed + i), null, () -> false);
            double bestRandom = Double.MAX_VALUE;
            for (float[] img : randomImages) {
                bestRandom = Math.min(bestRandom, Projector.pixelError(img, 0, target));
            }
            sumProjected += r.pixelError();
            sumRandom += bestRandom;
            o.printf(Locale.ROOT, "image %d/%d: projected %.4f, best of 100 random z %.4f%n", i + 1, n,
                    r.pixelError(), bestRandom);
            o.flush();
        }
        o.printf(Locale.ROOT, "mean pixel error (mean squared, values in [-1, 1]) on %d held-out images: projected "
                + "%.4f (%d steps), best of 100 random z %.4f; %.1f s per projection%n", n, sumProjected / n,
                settings.steps(), sumRandom / n, (System.nanoTime() - t0) / 1e9 / n);
        return Cli.OK;
    }
}
