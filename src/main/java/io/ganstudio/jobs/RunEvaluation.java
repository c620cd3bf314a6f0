package io.ganstudio.jobs;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.quality.ContactSheet;
import io.ganstudio.core.quality.FashionClassifier;
import io.ganstudio.core.quality.KernelDistances;
import io.ganstudio.core.quality.NearestTraining;
import io.ganstudio.core.quality.QualityEvaluator;
import io.ganstudio.core.quality.QualityReport;
import io.ganstudio.core.quality.SampleImages;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Measures a run's generator against its training images: coverage, diversity, memorisation, the grid pattern and KID
 * in thumbnail pixels and in the run's discriminator's features (each with its real-vs-real floor) on every run; FID, KID and class shares in the shipped classifier's features on the built-in data, with how often a
 * conditional run's samples are the class they asked for; optionally the contact sheet of the samples nearest to a
 * training image. Image i uses noise seed {@code seed + i}, so the same run, seed and count give the same figures.
 */
public final class RunEvaluation {

    /** Samples the contact sheet chooses its rows from (the first ones). */
    public static final int SHEET_CANDIDATES = 2000;

    private static final int BATCH = 64;

    /**
     * @param run         the run folder (its name titles the contact sheet)
     * @param generator   the checkpoint to measure, with at least the generator's weights
     * @param samples     generated images to measure
     * @param seed        noise seed of the first sample
     * @param realLimit   at most this many training images for the pixel-space measures
     * @param nearest     training images beside each sample on the contact sheet; 0 for no sheet
     * @param nearestRows samples (rows) on the contact sheet
     * @param sheet       where to write the contact sheet (with {@code nearest > 0})
     * @param cacheDir    decoded-dataset cache folder, or null for the loader's default
     */
    public record Request(Path run, LoadedCheckpoint generator, int samples, long seed, int realLimit, int nearest,
                          int nearestRows, Path sheet, Path cacheDir) {
    }

    /** The stages, in order; the sheet and the class agreement only where they apply. */
    public enum Stage { LOADING_IMAGES, GENERATING, MEASURING, CONTACT_SHEET, CLASS_AGREEMENT }

    @FunctionalInterface
    public interface Progress {
        void stage(Stage stage);
    }

    /**
     * How often the shipped classifier puts a conditional run's sample in the class it asked for (sample i asks for
     * class i mod K).
     *
     * @param perClass per class, the share of its samples (NaN for a class no sample asked for)
     * @param overall  the share over all samples
     */
    public record ClassAgreement(double[] perClass, double overall) {
    }

    /**
     * @param distances KID in thumbnail pixels and in the run's discriminator's features, with their floors
     * @param agreement null unless the run is conditional on the built-in data's 10 classes
     * @param sheet     the contact sheet written, or null
     */
    public record Result(LoadedCheckpoint checkpoint, QualityReport report, KernelDistances.Result distances,
                         ClassAgreement agreement, Path sheet) {
    }

    private RunEvaluation() {
    }

    /**
     * Blocking.
     *
     * @param cancelled polled between stages and generated batches
     * @throws DatasetException      the run's training images cannot be loaded, so there is nothing to compare with
     * @throws CancellationException when cancelled
     */
    public static Result evaluate(Request r, Progress progress, BooleanSupplier cancelled)
            throws IOException, DatasetException {
        LoadedCheckpoint checkpoint = r.generator();
        GanConfig config = checkpoint.config();
        progress.stage(Stage.LOADING_IMAGES);
        LoadOptions options = r.cacheDir() == null ? LoadOptions.defaults()
                : LoadOptions.defaults().withCacheDir(r.cacheDir());
        ImageDataset real = DatasetLoader.load(config.data(), config.model().imageSize(), options, null).dataset();
        boolean builtIn = QualityEvaluator.builtIn(config);
        EngineSetup.init();
        check(cancelled);
        progress.stage(Stage.GENERATING);
        SampleImages generated = generate(checkpoint, r.samples(), r.seed(), cancelled);
        QualityReport report;
        KernelDistances.Result distances;
        Path sheet = null;
        try (NDManager manager = NDManager.newBaseManager(EngineSetup.device());
             QualityEvaluator evaluator = QualityEvaluator.prepare(manager, real, new QualityEvaluator.Options(
                     r.realLimit(), builtIn, QualityEvaluator.padded(config), 0, r.samples(), r.seed()))) {
            check(cancelled);
            progress.stage(Stage.MEASURING);
            report = evaluator.evaluate(generated);
            LoadedCheckpoint full = Checkpoints.read(checkpoint.file());
            try (GanNetworks networks = loaded(full.config(), full, manager)) {
                check(cancelled);
                distances = KernelDistances.measure(manager, real, r.realLimit(), generated, networks, r.seed());
                if (r.nearest() > 0) {
                    check(cancelled);
                    progress.stage(Stage.CONTACT_SHEET);
                    writeSheet(manager, r, real, generated, full, networks);
                    sheet = r.sheet();
                }
            }
        }
        ClassAgreement agreement = null;
        if (builtIn && config.model().classCount() == FashionClassifier.CLASSES) {
            check(cancelled);
            progress.stage(Stage.CLASS_AGREEMENT);
            agreement = classAgreement(generated, config.model().classCount());
        }
        return new Result(checkpoint, report, distances, agreement, sheet);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the evaluation was cancelled");
        }
    }

    /** N samples, generated batch by batch (GeneratorRunner pads each to one shape for oneDNN). */
    private static SampleImages generate(LoadedCheckpoint checkpoint, int samples, long seed,
                                         BooleanSupplier cancelled) throws IOException {
        try (GeneratorRunner generator = GeneratorRunner.load(checkpoint)) {
            int f = generator.channels() * generator.imageSize() * generator.imageSize();
            float[] all = new float[samples * f]; // filled batch by batch: no second copy of 10,000 images
            for (int from = 0; from < samples; from += BATCH) {
                check(cancelled);
                int count = Math.min(BATCH, samples - from);
                List<float[]> latents = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    latents.add(Latents.fromSeed(seed + from + i, generator.latentSize()));
                }
                float[] images = generator.sampleBatch(latents, from).join(); // sample i asks for class i mod K
                System.arraycopy(images, 0, all, from * f, count * f);
            }
            return new SampleImages(samples, generator.channels(), generator.imageSize(), all);
        }
    }

    /** The samples closest to a training image, each beside its nearest training images. */
    private static void writeSheet(NDManager manager, Request r, ImageDataset real, SampleImages generated,
                                   LoadedCheckpoint full, GanNetworks networks) throws IOException {
        try (NearestTraining finder = new NearestTraining(manager, real, networks)) {
            SampleImages candidates = generated.first(SHEET_CANDIDATES);
            List<NearestTraining.Match> pixelOnly;
            try (NearestTraining pixels = new NearestTraining(manager, real, null)) {
                pixelOnly = pixels.find(candidates, 1);
            }
            Integer[] order = new Integer[candidates.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> pixelOnly.get(i).pixelDistances()[0]));
            int rows = Math.min(r.nearestRows(), order.length);
            int[] pick = new int[rows];
            for (int i = 0; i < rows; i++) {
                pick[i] = order[i];
            }
            SampleImages chosen = candidates.pick(pick);
            BufferedImage image = ContactSheet.render(chosen, finder.find(chosen, r.nearest()), real,
                    String.format(Locale.ROOT, "%s, step %d: the %d of %d samples nearest to a training image",
                            r.run().getFileName(), full.state().step(), rows, candidates.count()));
            int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            SampleGrid.writeImage(argb, image.getWidth(), image.getHeight(), r.sheet());
        }
    }

    /** The run's networks with the checkpoint's weights (set before any forward pass: oneDNN then owns them). */
    private static GanNetworks loaded(GanConfig c, LoadedCheckpoint full, NDManager manager) {
        GanNetworks networks = new GanNetworks(c.model(), manager, c.train().seed());
        networks.importWeights(full.state().weights());
        return networks;
    }

    private static ClassAgreement classAgreement(SampleImages generated, int classes) throws IOException {
        SampleImages input = generated.forClassifier(false);
        try (NDManager manager = NDManager.newBaseManager(EngineSetup.device());
             FashionClassifier classifier = FashionClassifier.shipped(manager)) {
            FashionClassifier.Output o = classifier.run(input.pixels(), input.count());
            int[] asked = new int[classes];
            int[] agreed = new int[classes];
            for (int i = 0; i < o.count(); i++) {
                asked[i % classes]++;
                agreed[i % classes] += o.predicted(i) == i % classes ? 1 : 0;
            }
            double[] perClass = new double[classes];
            int total = 0;
            for (int c = 0; c < classes; c++) {
                perClass[c] = asked[c] == 0 ? Double.NaN : (double) agreed[c] / asked[c];
                total += agreed[c];
            }
            return new ClassAgreement(perClass, (double) total / o.count());
        }
    }
}
