package io.ganstudio.jobs;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.Projector;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Projecting an image into a run's latent space, for the command line's {@code project} and Explore's projection:
 * the image prepared like the run's training data, the projector (Adam on z from the best of several random starts)
 * on a whole checkpoint (its discriminator's features are part of the loss), and what is kept of the result (files,
 * a bookmark). Also measures projection on held-out images against the best of random z. Blocking.
 */
public final class ProjectionJob {

    /** Files a projection writes into its output folder. */
    public static final List<String> FILES = List.of("reconstruction.png", "target.png", "z.json", "loss.csv");
    /** Random z a held-out image's projection is compared with. */
    public static final int RANDOM_Z = 100;

    /** One held-out image measured: its projection's pixel error and the best random z's. */
    public interface MeasureListener {
        void measured(int done, int total, double projected, double bestRandom);
    }

    /** Means over the held-out images, and the time one projection took. */
    public record Measurement(int images, double projected, double bestRandom, double secondsPerImage) {
    }

    private final LoadedCheckpoint checkpoint;

    private ProjectionJob(LoadedCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** On a whole checkpoint (with the discriminator, see {@link GeneratorLoader#whole}). */
    public static ProjectionJob of(LoadedCheckpoint checkpoint) {
        return new ProjectionJob(checkpoint);
    }

    /** On a run folder's newest checkpoint or on a checkpoint file. */
    public static ProjectionJob open(Path runOrCheckpoint) throws IOException {
        return of(GeneratorLoader.whole(runOrCheckpoint));
    }

    public LoadedCheckpoint checkpoint() {
        return checkpoint;
    }

    public ModelConfig model() {
        return checkpoint.config().model();
    }

    /** The image as the model sees it: centre square, resized, on the run's background, channels matched. */
    public SingleImage.Prepared prepare(Path image) throws DatasetException {
        return prepare(checkpoint.config(), image);
    }

    /** Like {@link #prepare(Path)} for a run's configuration, before its checkpoint is read. */
    public static SingleImage.Prepared prepare(GanConfig config, Path image) throws DatasetException {
        ModelConfig model = config.model();
        return SingleImage.read(image, config.data(), model.imageSize(), model.channels());
    }

    /** An image of this run's size (CHW floats in [-1, 1]) as ARGB pixels. */
    public int[] argb(float[] image) {
        return SampleGrid.toArgb(image, 0, model().channels(), model().imageSize());
    }

    /**
     * Finds the z whose image is closest to {@code target}.
     *
     * @param label a conditional run's class, or -1 to try every class in the random starts
     */
    public Projector.Result project(float[] target, int label, Projector.Settings settings,
                                    Projector.Progress progress, BooleanSupplier cancelled) {
        EngineSetup.init();
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device());
             GanNetworks networks = Projector.networksFor(checkpoint, root);
             Projector projector = new Projector(networks)) {
            return projector.project(target, label, settings, progress, cancelled);
        }
    }

    /** The class name of a result, or empty for an unconditional run. */
    public String className(Projector.Result r) {
        return r.label() >= 0 ? model().classes().get(r.label()) : "";
    }

    /**
     * Writes {@link #FILES} into {@code out}: the reconstruction and the target as PNGs, z.json (where it came from,
     * the errors and z) and loss.csv (the loss and pixel error after each step).
     */
    public void write(Projector.Result r, float[] target, Path run, Path image, Path out) throws IOException {
        ModelConfig model = model();
        Files.createDirectories(out);
        int size = model.imageSize();
        SampleGrid.writePng(argb(r.image()), size, size, out.resolve("reconstruction.png"));
        SampleGrid.writePng(argb(target), size, size, out.resolve("target.png"));
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

    /** Keeps the found z in the run's latents.json (a bookmark of the same name is replaced); returns that file. */
    public Path bookmark(Path run, String name, Projector.Result r, Path image) throws IOException {
        LatentBook book = LatentBook.open(run, model().latentSize());
        book.put(new LatentBook.Bookmark(name, r.z(), r.label(), "projection of " + image.getFileName()));
        return run.resolve(LatentBook.FILE);
    }

    /** The first {@code count} images of an IDX file, at this run's image size. */
    public ImageDataset heldOut(Path idxFile, int count) throws DatasetException {
        return DatasetLoader.load(DataSpec.idx(idxFile.toAbsolutePath().toString()).withLimit(count),
                model().imageSize(), LoadOptions.defaults(), null).dataset();
    }

    /**
     * Projects the first {@code count} images (image i from seed {@code seed + i}) and compares each with the best
     * of {@value #RANDOM_Z} random z (seeds from {@code seed + 1,000,000}), rendered once.
     */
    public Measurement measure(ImageDataset images, int count, int label, Projector.Settings settings, long seed,
                               MeasureListener listener) {
        EngineSetup.init();
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device());
             GanNetworks networks = Projector.networksFor(checkpoint, root);
             Projector projector = new Projector(networks)) {
            ModelConfig model = networks.config();
            int n = Math.min(count, images.count());
            int f = images.imageBytes();
            int d = model.latentSize();
            int p = Projector.PARALLEL;
            // The random z, rendered once, in batches of the projector's size.
            float[][] randomImages = new float[RANDOM_Z][];
            for (int b = 0; b < RANDOM_Z; b += p) {
                float[] zs = new float[p * d];
                for (int i = 0; i < p; i++) {
                    System.arraycopy(Latents.fromSeed(seed + 1_000_000 + b + i, d), 0, zs, i * d, d);
                }
                float[] out = networks.sample(zs, p);
                for (int i = 0; i < p; i++) {
                    randomImages[b + i] = Arrays.copyOfRange(out, i * f, (i + 1) * f);
                }
            }
            double sumProjected = 0;
            double sumRandom = 0;
            float[] target = new float[f];
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                images.fillBatch(new int[] {i}, target);
                Projector.Result r = projector.project(target, label, settings.withSeed(seed + i), null,
                        () -> false);
                double bestRandom = Double.MAX_VALUE;
                for (float[] img : randomImages) {
                    bestRandom = Math.min(bestRandom, Projector.pixelError(img, 0, target));
                }
                sumProjected += r.pixelError();
                sumRandom += bestRandom;
                listener.measured(i + 1, n, r.pixelError(), bestRandom);
            }
            return new Measurement(n, sumProjected / n, sumRandom / n, (System.nanoTime() - t0) / 1e9 / n);
        }
    }
}
