package io.ganstudio.core.quality;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.AdamOptimizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The classifier that labels a run's generated images for class directions: on the built-in Fashion-MNIST data the
 * evaluator's shipped {@link FashionClassifier}; on other data with classes (class subfolders) a small CNN trained
 * here on the run's own training images, at most 32 x 32 pixels (larger images are area-averaged down), with a
 * tenth of them held out to say how good it is. Not thread-safe: one thread at a time.
 */
public final class RunClassifier implements ClassDirections.Classifier, AutoCloseable {

    /** The small CNN takes images at most this many pixels a side. */
    public static final int MAX_SIDE = 32;
    private static final int BATCH = 64;
    private static final int MAX_STEPS = 1500;
    private static final int MAX_EPOCHS = 15;

    /** Where training stands, for progress: a fraction in [0, 1]. */
    public interface Progress {
        void update(double fraction);
    }

    private final NDManager manager;
    private final List<String> classNames;
    private final FashionClassifier shipped;
    private final boolean padded;
    private final SequentialBlock cnn;
    private final ParameterStore store;
    private final int side;
    private final int channels;
    private final double heldOutAccuracy;
    private final int trainedOn;

    private RunClassifier(NDManager manager, List<String> classNames, FashionClassifier shipped, boolean padded,
                          SequentialBlock cnn, int side, int channels, double heldOutAccuracy, int trainedOn) {
        this.manager = manager;
        this.classNames = List.copyOf(classNames);
        this.shipped = shipped;
        this.padded = padded;
        this.cnn = cnn;
        this.store = EngineSetup.parameterStore(manager);
        this.side = side;
        this.channels = channels;
        this.heldOutAccuracy = heldOutAccuracy;
        this.trainedOn = trainedOn;
    }

    /** Whether a run's data is the built-in set, whose classes the evaluator's classifier knows. */
    public static boolean usesEvaluator(GanConfig config) {
        return config.data().kind() == DataSpec.Kind.BUILT_IN && config.model().channels() == 1;
    }

    /**
     * The classifier for a run: the evaluator's for the built-in data, otherwise one trained now on the run's
     * training images (seconds to minutes on a CPU).
     *
     * @throws IOException when the run's data has no classes (a flat folder) or cannot be loaded; it says what to do
     */
    public static RunClassifier forRun(GanConfig config, Path cacheDir, long seed, Progress progress,
                                       BooleanSupplier cancelled) throws IOException {
        EngineSetup.init();
        if (usesEvaluator(config)) {
            NDManager m = NDManager.newBaseManager(EngineSetup.device());
            try {
                FashionClassifier f = FashionClassifier.shipped(m);
                progress.update(1);
                return new RunClassifier(m, BuiltInImages.load().classNames(), f,
                        config.data().fit() == Fit.PAD, null, FashionClassifier.SIZE, 1, Double.NaN, 0);
            } catch (IOException | RuntimeException e) {
                m.close();
                throw e;
            }
        }
        ImageDataset data;
        try {
            data = DatasetLoader.load(config.data(), config.model().imageSize(),
                    LoadOptions.defaults().withCacheDir(cacheDir), null).dataset();
        } catch (DatasetException e) {
            throw new IOException("the run's training images cannot be loaded to train a classifier on: "
                    + e.getMessage(), e);
        }
        if (!data.hasLabels() || data.classNames().size() < 2) {
            throw new IOException("the run's images have no classes (a flat folder): class directions need images "
                    + "sorted into at least two class subfolders");
        }
        return train(data, seed, progress, cancelled);
    }

    /** Trains the small CNN on labelled images (exposed for tests). */
    static RunClassifier train(ImageDataset data, long seed, Progress progress, BooleanSupplier cancelled) {
        EngineSetup.init();
        int k = data.classNames().size();
        int side = Math.min(MAX_SIDE, data.imageSize());
        int ch = data.channels();
        int n = data.count();
        int[] order = Rng.derive(seed, 0xC1A).permutation(n);
        int held = Math.max(1, n / 10);
        int trainCount = n - held;
        if (trainCount < BATCH) {
            throw new IllegalArgumentException("a classifier needs at least " + (BATCH + BATCH / 9 + 1)
                    + " training images, the run has " + n);
        }
        NDManager m = NDManager.newBaseManager(EngineSetup.device());
        try {
            SequentialBlock cnn = new SequentialBlock()
                    .add(conv(16)).add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(conv(32)).add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(64).build()).add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(k).build());
            cnn.initialize(m, DataType.FLOAT32, new Shape(BATCH, ch, side, side));
            FashionClassifier.heNormal(cnn, Rng.derive(seed, 0xC1B));
            int perEpoch = trainCount / BATCH;
            int epochs = Math.max(1, Math.min(MAX_EPOCHS, MAX_STEPS / perEpoch));
            int steps = epochs * perEpoch;
            Loss loss = Loss.softmaxCrossEntropyLoss();
            ParameterStore trainStore = EngineSetup.parameterStore(m);
            int imageFloats = data.imageBytes();
            float[] x = new float[BATCH * imageFloats];
            float[] y = new float[BATCH];
            int[] idx = new int[BATCH];
            try (AdamOptimizer adam = new AdamOptimizer(m, cnn.getParameters(), 1e-3f, 0.9f, 0.999f)) {
                int done = 0;
                for (int e = 0; e < epochs; e++) {
                    int[] shuffle = Rng.derive(seed, 0xE0 + e).permutation(trainCount);
                    for (int b = 0; b < perEpoch; b++) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("cancelled");
                        }
                        for (int i = 0; i < BATCH; i++) {
                            idx[i] = order[held + shuffle[b * BATCH + i]];
                            y[i] = data.label(idx[i]);
                        }
                        data.fillBatch(idx, x);
                        float[] input = shrink(x, BATCH, ch, data.imageSize(), side);
                        try (NDManager sub = m.newSubManager()) {
                            NDArray in = PortableOps.create(sub, input, new Shape(BATCH, ch, side, side));
                            NDArray labels = PortableOps.create(sub, y, new Shape(BATCH));
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                NDArray logits = cnn.forward(trainStore, new NDList(in), true).singletonOrThrow();
                                gc.backward(loss.evaluate(new NDList(labels), new NDList(logits)));
                            }
                            adam.update();
                        }
                        progress.update((double) ++done / steps);
                    }
                }
            }
            RunClassifier c = new RunClassifier(m, data.classNames(), null, false, cnn, side, ch, Double.NaN,
                    trainCount);
            int[] heldIdx = Arrays.copyOf(order, held);
            float[] heldImages = new float[held * imageFloats];
            data.fillBatch(heldIdx, heldImages);
            float[] p = c.probabilities(heldImages, held);
            int right = 0;
            for (int i = 0; i < held; i++) {
                int best = 0;
                for (int q = 1; q < k; q++) {
                    best = p[i * k + q] > p[i * k + best] ? q : best;
                }
                right += best == data.label(heldIdx[i]) ? 1 : 0;
            }
            return new RunClassifier(m, data.classNames(), null, false, cnn, side, ch, (double) right / held,
                    trainCount);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .build();
    }

    /** NCHW images area-averaged from {@code size} down to {@code side} (a no-op when they match). */
    private static float[] shrink(float[] images, int n, int ch, int size, int side) {
        if (size == side) {
            return images;
        }
        return new SampleImages(n, ch, size, images).forPixelDistances(side).pixels();
    }

    @Override
    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** True for the evaluator's shipped classifier, false for one trained on the run's images. */
    public boolean isEvaluator() {
        return shipped != null;
    }

    /** Accuracy of a trained classifier on the tenth of the run's images it did not train on; NaN for the evaluator. */
    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    /** Training images of a trained classifier; 0 for the evaluator. */
    public int trainedOn() {
        return trainedOn;
    }

    /** Class probabilities of n generated images: NCHW floats in [-1, 1] at the run's size and channels. */
    @Override
    public float[] probabilities(float[] images, int n) {
        if (shipped != null) {
            int size = (int) Math.round(Math.sqrt(images.length / (double) n));
            SampleImages s = new SampleImages(n, 1, size, images).forClassifier(padded);
            return shipped.run(s.pixels(), n).probabilities();
        }
        int k = classes();
        int size = (int) Math.round(Math.sqrt(images.length / (double) (n * channels)));
        float[] small = shrink(images, n, channels, size, side);
        int f = channels * side * side;
        float[] out = new float[n * k];
        float[] batch = new float[BATCH * f];
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            Arrays.fill(batch, -1f);
            System.arraycopy(small, from * f, batch, 0, count * f);
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = PortableOps.create(sub, batch, new Shape(BATCH, channels, side, side));
                NDArray p = cnn.forward(store, new NDList(x), false).singletonOrThrow().softmax(1);
                System.arraycopy(p.toFloatArray(), 0, out, from * k, count * k);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (shipped != null) {
            shipped.close();
        }
        manager.close();
    }
}
