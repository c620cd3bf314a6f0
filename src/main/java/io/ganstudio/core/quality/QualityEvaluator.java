package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.GanConfig;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Measures sets of generated images against a run's real images. Everything about the real side (classifier
 * features of the built-in images, NDB bins, the real images' own nearest-neighbour distances and spread) is
 * computed once here, so that measuring a sample set, during training or afterwards, costs only the samples' part.
 * Runs on the calling thread; not thread-safe.
 */
public final class QualityEvaluator implements AutoCloseable {

    /** Pixel-space measures work on images of at most this side (larger ones are area-averaged down). */
    public static final int PIXEL_SIDE = 32;
    private static final int SPREAD_IMAGES = 1000;

    /**
     * @param realLimit   at most this many real images (a seeded random subset) for the pixel-space measures
     * @param classifier  whether to measure in the Fashion-MNIST classifier (only for the built-in data)
     * @param padded      whether the run's images were padded to the model's size (the classifier then takes the
     *                    centre instead of resizing)
     * @param bins        NDB bins; 0 chooses from the numbers of real images and samples
     * @param sampleCount the number of samples to be measured (for choosing bins)
     */
    public record Options(int realLimit, boolean classifier, boolean padded, int bins, int sampleCount, long seed) {
    }

    /** Whether a run measures in the Fashion-MNIST classifier: built-in (grayscale) data. */
    public static boolean builtIn(GanConfig config) {
        return config.data().kind() == DataSpec.Kind.BUILT_IN && config.model().channels() == 1;
    }

    /**
     * Whether a run's images are the built-in 28x28 images padded to a larger model (as with {@code --size 32 --fit
     * pad}): the classifier then takes their centre, which is the original image, instead of shrinking the whole.
     */
    public static boolean padded(GanConfig config) {
        return builtIn(config) && config.data().fit() == Fit.PAD && config.model().imageSize() > FashionClassifier.SIZE;
    }

    private final NDManager manager;
    private final Options options;
    private final int realCount;
    private final int pixelDims;
    private final float[] realPixels;
    private final Ndb ndb;
    private final float[] realNearest;
    private final double realSpread;
    private final double realGrid;
    private final FashionClassifier classifier;
    private final FeatureDistance.Reference realFeatures;
    private final EvaluatorCard card;
    private final List<String> classNames;

    private QualityEvaluator(NDManager parent, ImageDataset real, Options options) throws IOException {
        EngineSetup.init();
        this.manager = parent.newSubManager();
        this.options = options;
        int[] pick = subset(real.count(), options.realLimit(), options.seed());
        float[] raw = new float[pick.length * real.imageBytes()];
        real.fillBatch(pick, raw);
        SampleImages fullSize = new SampleImages(pick.length, real.channels(), real.imageSize(), raw);
        this.realGrid = GridPattern.share(fullSize);
        SampleImages realImages = fullSize.forPixelDistances(PIXEL_SIDE);
        this.realCount = pick.length;
        this.pixelDims = realImages.imageFloats();
        this.realPixels = realImages.pixels();
        int bins = options.bins() > 0 ? options.bins() : Ndb.binsFor(realCount, options.sampleCount());
        this.ndb = Ndb.fit(manager, realPixels, realCount, pixelDims, Math.min(bins, realCount), options.seed());
        this.realNearest = Neighbours.find(manager, realPixels, realCount, realPixels, realCount, pixelDims, 1, true)
                .nearestDistances();
        int spreadN = Math.min(SPREAD_IMAGES, realCount);
        this.realSpread = Neighbours.meanPairwiseDistance(manager, realPixels, spreadN, pixelDims);
        if (options.classifier()) {
            try {
                this.classifier = FashionClassifier.shipped(manager);
                this.card = EvaluatorCard.shipped();
                this.realFeatures = builtInReference(classifier, manager);
                this.classNames = BuiltInImages.load().classNames();
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw e;
            }
        } else {
            this.classifier = null;
            this.card = null;
            this.realFeatures = null;
            this.classNames = List.of();
        }
    }

    // The built-in images and the shipped classifier never change: their reference is computed once per process.
    private static volatile FeatureDistance.Reference builtInReference;

    private static FeatureDistance.Reference builtInReference(FashionClassifier classifier, NDManager manager)
            throws IOException {
        FeatureDistance.Reference r = builtInReference;
        if (r == null) {
            ImageDataset builtIn = BuiltInImages.load();
            FashionClassifier.Output out = classifier.run(ClassifierTraining.floats(builtIn), builtIn.count());
            r = new FeatureDistance.Reference(manager, out.features(), builtIn.count(), FashionClassifier.FEATURES);
            builtInReference = r;
        }
        return r;
    }

    /** Prepares the real side from a run's training images (as loaded for the run, at its size). */
    public static QualityEvaluator prepare(NDManager parent, ImageDataset real, Options options) throws IOException {
        return new QualityEvaluator(parent, real, options);
    }

    public int realCount() {
        return realCount;
    }

    /** The real images used for pixel-space measures (at most {@link #PIXEL_SIDE} a side), as rows. */
    float[] realPixels() {
        return realPixels;
    }

    public boolean hasClassifier() {
        return classifier != null;
    }

    /** Measures a set of generated images (at the run's size and channels). */
    public QualityReport evaluate(SampleImages samples) {
        long start = System.nanoTime();
        int n = samples.count();
        if (n < 2) {
            throw new IllegalArgumentException("measuring quality needs at least 2 samples, not " + n);
        }
        SampleImages pixels = samples.forPixelDistances(PIXEL_SIDE);
        if (pixels.imageFloats() != pixelDims) {
            throw new IllegalArgumentException("the samples are " + samples.channels() + "x" + samples.size() + "x"
                    + samples.size() + " but the real images are not the same shape");
        }
        QualityReport.ClassifierMeasures cm = classifier == null ? null : classify(samples);
        Ndb.Result coverage = ndb.compare(manager, pixels.pixels(), n);
        double spread = Neighbours.meanPairwiseDistance(manager, pixels.pixels(), Math.min(SPREAD_IMAGES, n),
                pixelDims);
        float[] nearest = Neighbours.find(manager, pixels.pixels(), n, realPixels, realCount, pixelDims, 1, false)
                .nearestDistances();
        QualityReport.Memorisation memo = memorisation(nearest);
        QualityReport.Grid grid = new QualityReport.Grid(GridPattern.share(samples), realGrid);
        return new QualityReport(n, realCount, cm, coverage, new QualityReport.Diversity(spread, realSpread), memo,
                grid, (System.nanoTime() - start) / 1e9);
    }

    private QualityReport.ClassifierMeasures classify(SampleImages samples) {
        SampleImages input = samples.forClassifier(options.padded());
        FashionClassifier.Output out = classifier.run(input.pixels(), input.count());
        int n = input.count();
        double fid = realFeatures.fid(out.features(), n);
        double kid = realFeatures.kid(manager, out.features(), n);
        double[] shares = new double[FashionClassifier.CLASSES];
        double confidence = 0;
        for (int i = 0; i < n; i++) {
            shares[out.predicted(i)] += 1.0 / n;
            confidence += out.confidence(i);
        }
        return new QualityReport.ClassifierMeasures(fid, kid, card.floorFid(), card.floorKid(), shares, classNames,
                confidence / n);
    }

    private QualityReport.Memorisation memorisation(float[] sampleNearest) {
        float[] real = realNearest.clone();
        Arrays.sort(real);
        float threshold = real[(int) Math.floor(0.05 * (real.length - 1))];
        int close = 0;
        for (float v : sampleNearest) {
            if (v < threshold) {
                close++;
            }
        }
        float[] s = sampleNearest.clone();
        Arrays.sort(s);
        return new QualityReport.Memorisation(median(s), median(real), threshold, (double) close / s.length);
    }

    private static double median(float[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** A seeded random subset of {@code limit} of n indices, or all of them in order when n <= limit. */
    static int[] subset(int n, int limit, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (limit <= 0 || n <= limit) {
            return all;
        }
        Rng rng = Rng.derive(seed, 31);
        for (int i = 0; i < limit; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, limit);
        Arrays.sort(out);
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
