package io.ganstudio.core.quality;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.random.Rng;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The small Fashion-MNIST classifier whose penultimate layer is the feature space of FID and KID. Input: gray 28x28
 * images as floats in [-1, 1] (what a generator's tanh gives), NCHW. Architecture: conv 3x3 32 - ReLU - max-pool 2 -
 * conv 3x3 64 - ReLU - max-pool 2 - dense 128 - ReLU (the features) - dense 10 (the logits). About 420,000 weights.
 *
 * <p>Not thread-safe; inference runs in fixed batches of {@link #BATCH} images, the last one padded, because
 * MXNet's oneDNN fails when one network instance gets a smaller batch after a larger one.
 */
public final class FashionClassifier implements AutoCloseable {

    public static final int SIZE = 28;
    public static final int FEATURES = 128;
    public static final int CLASSES = 10;
    public static final int BATCH = 100;
    /** The shipped weights, on the class path (from assets/evaluator/). */
    public static final String WEIGHTS_RESOURCE = "/evaluator/fashion-mnist-cnn.params";

    private final NDManager manager;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private final SequentialBlock net;
    private final ParameterStore store;

    private FashionClassifier(NDManager parent) {
        EngineSetup.init();
        this.manager = parent.newSubManager();
        this.features = new SequentialBlock()
                .add(conv(32)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(64)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(FEATURES).build()).add(Activation.reluBlock());
        this.head = new SequentialBlock().add(Linear.builder().setUnits(CLASSES).build());
        this.net = new SequentialBlock().add(features).add(head);
        net.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 1, SIZE, SIZE));
        this.store = EngineSetup.parameterStore(manager);
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .build();
    }

    /** A new network with He-normal weights drawn from the seed (for training). */
    static FashionClassifier untrained(NDManager parent, long seed) {
        FashionClassifier c = new FashionClassifier(parent);
        heNormal(c.net, Rng.derive(seed, 11));
        return c;
    }

    /** Weights He-normal from the generator, biases zero: the initialisation of the project's small classifiers. */
    static void heNormal(Block net, Rng rng) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] v = new float[Math.toIntExact(a.size())];
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                long fanIn = a.getShape().size() / a.getShape().get(0);
                rng.fillGaussian(v, 0f, (float) Math.sqrt(2.0 / fanIn));
            }
            a.set(v);
        }
    }

    /** The shipped, trained classifier, read from the class path (works offline, inside the jar). */
    public static FashionClassifier shipped(NDManager parent) throws IOException {
        InputStream in = FashionClassifier.class.getResourceAsStream(WEIGHTS_RESOURCE);
        if (in == null) {
            throw new IOException("the evaluator's weights " + WEIGHTS_RESOURCE + " are missing from the "
                    + "application; rebuild it (see docs/training.md, 'The evaluator')");
        }
        try (in) {
            return load(parent, in);
        }
    }

    static FashionClassifier load(NDManager parent, InputStream in) throws IOException {
        FashionClassifier c = new FashionClassifier(parent);
        try {
            c.net.loadParameters(c.manager, new DataInputStream(new BufferedInputStream(in)));
        } catch (MalformedModelException e) {
            c.close();
            throw new IOException("the evaluator's weights cannot be read: " + e.getMessage(), e);
        }
        return c;
    }

    void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        net.saveParameters(data);
        data.flush();
    }

    SequentialBlock network() {
        return net;
    }

    NDManager manager() {
        return manager;
    }

    /** Logits for a batch already on the engine, in training or inference mode. */
    NDArray logits(NDArray images, boolean training) {
        return net.forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** Penultimate features and class probabilities of n images (NCHW floats in [-1, 1], 1 x 28 x 28 each). */
    public Output run(float[] images, int n) {
        int pixels = SIZE * SIZE;
        if (images.length < (long) n * pixels) {
            throw new IllegalArgumentException(n + " images need " + (long) n * pixels + " values, got "
                    + images.length);
        }
        float[] feats = new float[n * FEATURES];
        float[] probs = new float[n * CLASSES];
        float[] batch = new float[BATCH * pixels];
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            Arrays.fill(batch, -1f);
            System.arraycopy(images, from * pixels, batch, 0, count * pixels);
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = PortableOps.create(sub, batch, new Shape(BATCH, 1, SIZE, SIZE));
                NDArray f = features.forward(store, new NDList(x), false).singletonOrThrow();
                NDArray p = head.forward(store, new NDList(f), false).singletonOrThrow().softmax(1);
                System.arraycopy(f.toFloatArray(), 0, feats, from * FEATURES, count * FEATURES);
                System.arraycopy(p.toFloatArray(), 0, probs, from * CLASSES, count * CLASSES);
            }
        }
        return new Output(n, feats, probs);
    }

    /** What the classifier says about n images: features (n x 128) and probabilities (n x 10), row-major. */
    public record Output(int count, float[] features, float[] probabilities) {

        /** The most likely class of image i. */
        public int predicted(int i) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (probabilities[i * CLASSES + c] > probabilities[i * CLASSES + best]) {
                    best = c;
                }
            }
            return best;
        }

        public float confidence(int i) {
            return probabilities[i * CLASSES + predicted(i)];
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
