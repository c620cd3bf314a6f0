package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.SmallColourFolder;
import io.ganstudio.core.train.TrainConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The settings of a new run, as options. Defaults are those of {@link TrainConfig#defaults()} and the DCGAN paper;
 * they are written out here because picocli shows them in --help (a test checks they agree).
 */
final class TrainOptions {

    /** Generator and discriminator width when neither the option nor a small colour folder decides. */
    static final int DEFAULT_WIDTH = 64;

    @Option(names = "--data", paramLabel = "FOLDER|IDX-FILE", description = "Images to learn from: a folder "
            + "(flat or with class subfolders; PNG, JPEG, GIF, BMP, WebP, TIFF) or an IDX images file. "
            + "Default: the built-in Fashion-MNIST test set.")
    Path data;

    @Option(names = "--size", paramLabel = "PX", description = "Image side in pixels: 16, 28, 32, 64 or 128. "
            + "Default: 28 for the built-in dataset and IDX files, 64 for folders.")
    Integer size;

    @Option(names = "--fit", paramLabel = "HOW", defaultValue = "resize", converter = Converters.FitKind.class,
            description = "Images smaller than --size: resize (enlarge) or pad (centre them unscaled on the "
                    + "background: black for IDX and the built-in set, --data's background colour for folders). "
                    + "Default: ${DEFAULT-VALUE}.")
    Fit fit;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Train on the first N images "
            + "only (0: all). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--network-size", paramLabel = "PX", description = "Side the networks work at, at least "
            + "--size: the generator's output is cropped to the image's centre and the discriminator's input padded "
            + "with black. Default: 32 for 28x28 images (the three-layer 28x28 networks train worse), otherwise "
            + "--size.")
    Integer networkSize;

    @Option(names = "--spectral-norm", description = "Spectral normalisation in every discriminator layer (instead "
            + "of batch norm there), as the SN + hinge preset of the studio does.")
    boolean spectralNorm;

    @Option(names = "--upsampling", paramLabel = "HOW", converter = Converters.UpsamplingKind.class,
            description = "How the generator doubles its side: transposed (4x4 transposed convolutions, the DCGAN "
                    + "reference) or resize (nearest-neighbour upsampling, then a 3x3 convolution: no checkerboard "
                    + "grid in the images, the same speed; docs/training.md). Default: resize for networks of "
                    + Upsampling.RESIZE_FROM_NETWORK_SIZE + "x" + Upsampling.RESIZE_FROM_NETWORK_SIZE
                    + " and larger, transposed below.")
    Upsampling upsampling;

    @Option(names = "--conditional", description = "A class-conditional GAN: the generator takes a class (a learned "
            + "embedding joined to z) and the discriminator a projection head, whose class logits are also trained as "
            + "a classifier (so each image looks like its class); a mode-seeking term in the generator's "
            + "loss keeps z in use within a class. Needs data with at least two classes that hold images "
            + "(class subfolders, an IDX file with its labels file, or the built-in set's ten); sample grids then "
            + "show one row per class, and generate takes --class. An IDX file's classes are the numbers 0 to its "
            + "highest label: those without images are kept (with a warning) but never trained.")
    boolean conditional;

    @Option(names = "--augment", paramLabel = "KIND", defaultValue = "auto", converter = Converters.AugmentKind.class,
            description = "Augment what the discriminator sees: diffaugment (colour, translation, cutout; grayscale "
                    + "images are only translated), ada "
                    + "(the same with an adaptive probability), off, or auto (diffaugment for datasets of up to "
                    + Augment.AUTO_MAX_IMAGES + " images, grayscale ones only when the run shows each image at least "
                    + Augment.AUTO_GRAYSCALE_MIN_PASSES + " times; otherwise off: a small colour folder at 64x64 "
                    + "trains only with it; 500 grayscale images train worse with it up to 3,000 steps and far "
                    + "better at 9,000; docs/training.md). Samples are never "
                    + "augmented. Default: ${DEFAULT-VALUE}.")
    Augment augment;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Keep an average of the "
            + "generator's weights with this decay per step (0.999 is usual), which samples, generate, interpolate "
            + "and evaluate then use; 0: none. Default: 0; 0.995 for a folder of up to 2,000 colour images at "
            + "64x64 or larger (its samples swung far less from one checkpoint to the next: docs/training.md).")
    Float ema;

    @Option(names = "--latent", paramLabel = "N", defaultValue = "100", description = "Length of the noise "
            + "vector z. Default: ${DEFAULT-VALUE}.")
    int latent;

    @Option(names = "--g-width", paramLabel = "N", description = "Generator width (ngf): "
            + "channels of its last hidden layer; the layers before have 2x, 4x... Default: 64; 32 for a folder of "
            + "up to 2,000 colour images at 64x64 or larger (a step costs a third of the CPU, and in the same CPU "
            + "time the samples came out clearer: docs/training.md).")
    Integer generatorWidth;

    @Option(names = "--d-width", paramLabel = "N", description = "Discriminator width "
            + "(ndf): channels of its first layer. Default: 64; 32 for a folder of up to 2,000 colour images at "
            + "64x64 or larger.")
    Integer discriminatorWidth;

    @Option(names = "--norm", paramLabel = "KIND", defaultValue = "batch-norm", converter = Converters.Norm.class,
            description = "Normalisation in hidden layers: batch-norm or none. Default: ${DEFAULT-VALUE}.")
    Normalization normalization;

    @Option(names = "--loss", paramLabel = "KIND", defaultValue = "bce", converter = Converters.Loss.class,
            description = "Adversarial loss: bce (the DCGAN paper's), lsgan or hinge. Default: ${DEFAULT-VALUE}.")
    LossKind loss;

    @Option(names = "--label-smoothing", paramLabel = "X", defaultValue = "0", description = "Train D against "
            + "1-X instead of 1 for real images (one-sided; bce and lsgan). Default: ${DEFAULT-VALUE}.")
    float labelSmoothing;

    @Option(names = "--lr-g", paramLabel = "LR", description = "Generator learning rate (Adam). Default: 0.0002; "
            + "0.0005 for a folder of up to 2,000 colour images at 64x64 or larger (closer to its images in the "
            + "same CPU time: docs/training.md).")
    Float lrG;

    @Option(names = "--lr-d", paramLabel = "LR", description = "Discriminator learning rate (Adam). Default: "
            + "0.0002; 0.0005 for a folder of up to 2,000 colour images at 64x64 or larger.")
    Float lrD;

    @Option(names = "--beta1-g", paramLabel = "B", defaultValue = "0.5",
            description = "Generator Adam beta1. Default: ${DEFAULT-VALUE}.")
    float beta1G;

    @Option(names = "--beta2-g", paramLabel = "B", defaultValue = "0.999",
            description = "Generator Adam beta2. Default: ${DEFAULT-VALUE}.")
    float beta2G;

    @Option(names = "--beta1-d", paramLabel = "B", defaultValue = "0.5",
            description = "Discriminator Adam beta1. Default: ${DEFAULT-VALUE}.")
    float beta1D;

    @Option(names = "--beta2-d", paramLabel = "B", defaultValue = "0.999",
            description = "Discriminator Adam beta2. Default: ${DEFAULT-VALUE}.")
    float beta2D;

    @Option(names = "--d-steps", paramLabel = "N", defaultValue = "1",
            description = "Discriminator steps per generator step. Default: ${DEFAULT-VALUE}.")
    int discriminatorSteps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Images per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for weights, noise and "
            + "data order: the same seed and settings give the same run. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sample-every", paramLabel = "STEPS", defaultValue = "50", description = "Save the "
            + "fixed-noise sample grid every this many steps. Default: ${DEFAULT-VALUE}.")
    int sampleEvery;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "500", description = "Write a "
            + "checkpoint every this many steps (and always at the end). Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--keep-checkpoints", paramLabel = "N", defaultValue = "3",
            description = "How many of the newest checkpoints to keep. Default: ${DEFAULT-VALUE}.")
    int keepCheckpoints;

    /**
     * The bounds of the schedule options, which TrainConfig checks only from below (the model's and the
     * optimizers' settings are checked there in full).
     */
    void checkRanges() {
        Ranges.steps("--sample-every", sampleEvery, 1);
        Ranges.steps("--checkpoint-every", checkpointEvery, 1);
        Ranges.check("--keep-checkpoints", keepCheckpoints, 1, Ranges.MAX_KEEP_CHECKPOINTS);
    }

    /**
     * The run's settings for the loaded data: a small colour folder (SmallColourFolder) gets the narrower networks
     * unless --g-width or --d-width was given, the faster learning rate where --lr-g or --lr-d was not, and the
     * generator average unless --ema was given.
     */
    GanConfig forData(GanConfig c, int images, int channels) {
        if (!SmallColourFolder.applies(images, channels, c.model().imageSize())) {
            return c;
        }
        ModelConfig m = generatorWidth == null && discriminatorWidth == null
                ? SmallColourFolder.narrowed(c.model()) : c.model();
        TrainConfig t = c.train();
        t = t.withOptimizers(lrG == null ? SmallColourFolder.faster(t.generatorOptimizer()) : t.generatorOptimizer(),
                lrD == null ? SmallColourFolder.faster(t.discriminatorOptimizer()) : t.discriminatorOptimizer())
                .withEmaDecay(ema == null ? SmallColourFolder.EMA_DECAY : t.emaDecay());
        return c.withModel(m).withTrain(t);
    }

    /** What --data names, checked to exist. */
    DataSpec dataSpec() {
        if (limit < 0) {
            throw new UsageError("--limit: give a number of images, or 0 for all, not " + limit);
        }
        return source().withFit(fit).withLimit(limit);
    }

    private DataSpec source() {
        if (data == null) {
            return DataSpec.builtIn();
        }
        if (Files.isDirectory(data)) {
            return DataSpec.folder(data.toAbsolutePath().toString());
        }
        if (Files.isRegularFile(data)) {
            String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.matches(".*\\.(png|jpe?g|bmp|gif|webp|tiff?)")) {
                throw new UsageError("--data: " + data.toAbsolutePath() + " is one image; give the folder that "
                        + "holds your images (or an IDX images file)");
            }
            return DataSpec.idx(data.toAbsolutePath().toString());
        }
        throw new UsageError("--data: there is no folder or file at " + data.toAbsolutePath());
    }

    int imageSize(DataSpec spec) {
        if (size != null) {
            return size;
        }
        return spec.kind() == DataSpec.Kind.FOLDER ? 64 : 28;
    }

    /**
     * The run's configuration for {@code steps} steps. Channels are 3 here; the session takes them from the data
     * (1 only when every image is grayscale).
     */
    GanConfig toConfig(DataSpec spec, long steps) {
        int side = imageSize(spec);
        int networks = networkSize == null ? ModelConfig.recommendedNetworkSize(side) : networkSize;
        ModelConfig model = new ModelConfig(side, 3, latent, generatorWidth != null ? generatorWidth : DEFAULT_WIDTH,
                discriminatorWidth != null ? discriminatorWidth : DEFAULT_WIDTH, normalization,
                networks, spectralNorm).withConditional(conditional)
                .withUpsampling(upsampling != null ? upsampling : Upsampling.recommendedFor(networks));
        TrainConfig defaults = TrainConfig.defaults();
        TrainConfig train = new TrainConfig(loss, labelSmoothing,
                new TrainConfig.AdamSettings(lrG != null ? lrG : defaults.generatorOptimizer().learningRate(),
                        beta1G, beta2G),
                new TrainConfig.AdamSettings(lrD != null ? lrD : defaults.discriminatorOptimizer().learningRate(),
                        beta1D, beta2D), discriminatorSteps,
                batch, seed, steps, sampleEvery, checkpointEvery, keepCheckpoints, defaults.gridSize(),
                ema != null ? ema : defaults.emaDecay(), augment);
        return new GanConfig(spec, model, train);
    }

    /**
     * The run's training settings with the options given on the command line in their place, for --resume
     * ({@code given}: the options' longest names).
     */
    TrainConfig resumeSettings(TrainConfig run, Collection<String> given) {
        TrainConfig.AdamSettings g = run.generatorOptimizer();
        TrainConfig.AdamSettings d = run.discriminatorOptimizer();
        return new TrainConfig(
                given.contains("--loss") ? loss : run.loss(),
                given.contains("--label-smoothing") ? labelSmoothing : run.labelSmoothing(),
                new TrainConfig.AdamSettings(lrG != null ? lrG : g.learningRate(),
                        given.contains("--beta1-g") ? beta1G : g.beta1(), given.contains("--beta2-g") ? beta2G : g.beta2()),
                new TrainConfig.AdamSettings(lrD != null ? lrD : d.learningRate(),
                        given.contains("--beta1-d") ? beta1D : d.beta1(), given.contains("--beta2-d") ? beta2D : d.beta2()),
                given.contains("--d-steps") ? discriminatorSteps : run.discriminatorSteps(),
                given.contains("--batch") ? batch : run.batchSize(),
                run.seed(), run.steps(),
                given.contains("--sample-every") ? sampleEvery : run.sampleEvery(),
                given.contains("--checkpoint-every") ? checkpointEvery : run.checkpointEvery(),
                given.contains("--keep-checkpoints") ? keepCheckpoints : run.keepCheckpoints(),
                run.gridSize(), run.emaDecay(), run.augment()); // the average and augmentation carry state: kept
    }
}
