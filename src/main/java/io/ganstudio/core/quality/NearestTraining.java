package io.ganstudio.core.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.GanNetworks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sample's nearest training images, to see whether the generator copies: in pixel space (RMS difference, images
 * area-averaged to at most {@link QualityEvaluator#PIXEL_SIDE} a side) and, when the run's discriminator is given,
 * in its features (the activations before its last layer, RMS difference). The training images' features are
 * computed once here. Runs on the calling thread; not thread-safe.
 */
public final class NearestTraining implements AutoCloseable {

    private static final int BATCH = 64;

    /** One sample's neighbours: training-image indices, nearest first, with their distances. */
    public record Match(int[] pixelIndices, float[] pixelDistances, int[] featureIndices, float[] featureDistances) {

        public boolean hasFeatures() {
            return featureIndices != null;
        }
    }

    private final NDManager manager;
    private final ImageDataset real;
    private final float[] realPixels;
    private final int pixelDims;
    private final Block[] trunk;
    private final ParameterStore store;
    private final float[] realFeatures;
    private final int featureDims;

    /**
     * @param discriminator the run's networks with the discriminator's trained weights, or null for pixel space only
     */
    public NearestTraining(NDManager parent, ImageDataset real, GanNetworks discriminator) {
        this.manager = parent.newSubManager();
        this.real = real;
        float[] raw = new float[real.count() * real.imageBytes()];
        int[] all = new int[real.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        real.fillBatch(all, raw);
        SampleImages images = new SampleImages(real.count(), real.channels(), real.imageSize(), raw);
        SampleImages pixels = images.forPixelDistances(QualityEvaluator.PIXEL_SIDE);
        this.realPixels = pixels.pixels();
        this.pixelDims = pixels.imageFloats();
        if (discriminator != null) {
            this.trunk = trunk(discriminator.discriminator());
            this.store = EngineSetup.parameterStore(manager);
            float[] f = features(images);
            this.featureDims = f.length / real.count();
            this.realFeatures = f;
        } else {
            this.trunk = null;
            this.store = null;
            this.realFeatures = null;
            this.featureDims = 0;
        }
    }

    /** The discriminator's layers before its last one with weights (the final logit), and what follows it. */
    static Block[] trunk(Block discriminator) {
        List<Block> children = new ArrayList<>(discriminator.getChildren().values());
        int end = children.size() - 1;
        while (end >= 0 && children.get(end).getParameters().isEmpty()) {
            end--; // the flatten after the last convolution
        }
        if (end <= 0) {
            throw new IllegalArgumentException("the discriminator has no layers before its last one");
        }
        return children.subList(0, end).toArray(new Block[0]);
    }

    public ImageDataset real() {
        return real;
    }

    /** Discriminator features of the images, in fixed batches (the last padded). */
    private float[] features(SampleImages images) {
        int f = images.imageFloats();
        float[] batch = new float[BATCH * f];
        float[] out = null;
        int dims = 0;
        for (int from = 0; from < images.count(); from += BATCH) {
            int count = Math.min(BATCH, images.count() - from);
            Arrays.fill(batch, -1f);
            System.arraycopy(images.pixels(), from * f, batch, 0, count * f);
            try (NDManager sub = manager.newSubManager()) {
                NDList x = new NDList(PortableOps.create(sub, batch, new Shape(BATCH, images.channels(), images.size(),
                        images.size())));
                for (Block b : trunk) {
                    x = b.forward(store, x, false);
                }
                NDArray h = x.singletonOrThrow();
                // Read out, not reshaped: oneDNN's blocked layouts refuse a reshape before a copy back.
                float[] values = h.toFloatArray();
                if (out == null) {
                    dims = values.length / BATCH;
                    out = new float[images.count() * dims];
                }
                System.arraycopy(values, 0, out, from * dims, count * dims);
            }
        }
        return out;
    }

    /** The k nearest training images of each sample (at the run's size and channels). */
    public List<Match> find(SampleImages samples, int k) {
        int kk = Math.min(k, real.count());
        SampleImages pixels = samples.forPixelDistances(QualityEvaluator.PIXEL_SIDE);
        Neighbours.Result p = Neighbours.find(manager, pixels.pixels(), samples.count(), realPixels, real.count(),
                pixelDims, kk, false);
        Neighbours.Result d = trunk == null ? null : Neighbours.find(manager, features(samples), samples.count(),
                realFeatures, real.count(), featureDims, kk, false);
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < samples.count(); i++) {
            out.add(new Match(slice(p.indices(), i, kk), slice(p.distances(), i, kk),
                    d == null ? null : slice(d.indices(), i, kk), d == null ? null : slice(d.distances(), i, kk)));
        }
        return out;
    }

    private static int[] slice(int[] a, int i, int k) {
        return Arrays.copyOfRange(a, i * k, (i + 1) * k);
    }

    private static float[] slice(float[] a, int i, int k) {
        return Arrays.copyOfRange(a, i * k, (i + 1) * k);
    }

    @Override
    public void close() {
        manager.close();
    }
}
