package io.ganstudio.core.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;

/**
 * Distribution distances that need no pretrained network, for any run: KID (unbiased, cubic polynomial kernel,
 * {@link FeatureDistance#kid}) between the samples and the run's training images in the pixel space of
 * {@value #THUMB_SIDE}x{@value #THUMB_SIDE} thumbnails (all channels, pixels in [-1, 1]), and in the run's own
 * discriminator's features (its activations before the last layer). Each comes with its real-vs-real floor: the
 * same KID between two disjoint random halves of the training images, which is what a generator that draws like
 * the data can expect (about 0, give or take the estimator's noise at that many images). A generator that copies its
 * training images also scores near the floor: read these beside the memorisation measure.
 */
public final class KernelDistances {

    /** Thumbnail side for the pixel-space KID. */
    public static final int THUMB_SIDE = 8;
    /** At most this many samples and real images enter the feature KID (its features are large). */
    public static final int FEATURE_LIMIT = 2000;
    private static final int BATCH = 64;

    /**
     * One KID with its floor.
     *
     * @param value samples against the real images
     * @param floor one half of the real images against the other
     */
    public record Kid(double value, double floor) {
    }

    /**
     * @param pixels   KID in the thumbnails' pixel space
     * @param features KID in the discriminator's features, or null when no discriminator was given
     */
    public record Result(Kid pixels, Kid features) {
    }

    private KernelDistances() {
    }

    /**
     * @param real          the run's training images (at the run's size and channels)
     * @param realLimit     at most this many of them (a seeded random subset) for the pixel-space KID
     * @param samples       generated images (at the run's size and channels)
     * @param discriminator the run's networks with its trained discriminator, or null for the pixel space only
     * @param seed          chooses the subsets and the halves
     */
    public static Result measure(NDManager manager, ImageDataset real, int realLimit, SampleImages samples,
                                 GanNetworks discriminator, long seed) {
        if (real.count() < 4) {
            throw new IllegalArgumentException("the real-vs-real floor needs at least 4 training images, not "
                    + real.count());
        }
        SampleImages realImages = images(real, QualityEvaluator.subset(real.count(), realLimit, seed));
        Kid pixels = kid(manager, thumbnails(realImages), thumbnails(samples), seed);
        Kid features = null;
        if (discriminator != null) {
            SampleImages realPart = realImages.count() <= FEATURE_LIMIT ? realImages
                    : realImages.pick(QualityEvaluator.subset(realImages.count(), FEATURE_LIMIT, seed + 1));
            SampleImages samplePart = samples.first(Math.min(FEATURE_LIMIT, samples.count()));
            features = kid(manager, features(manager, discriminator, realPart), features(manager, discriminator,
                    samplePart), seed);
        }
        return new Result(pixels, features);
    }

    /** Rows of a set of images as {@value #THUMB_SIDE}x{@value #THUMB_SIDE} thumbnails (area-averaged). */
    static Rows thumbnails(SampleImages images) {
        SampleImages t = images.forPixelDistances(THUMB_SIDE);
        return new Rows(t.pixels(), t.count(), t.imageFloats());
    }

    /** n rows of d floats. */
    record Rows(float[] values, int count, int dims) {

        Rows pick(int[] indices) {
            float[] out = new float[indices.length * dims];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values, indices[i] * dims, out, i * dims, dims);
            }
            return new Rows(out, indices.length, dims);
        }
    }

    /** KID of the samples against all real rows, and the floor: one random half of the real rows against the rest. */
    static Kid kid(NDManager manager, Rows real, Rows samples, long seed) {
        if (real.dims() != samples.dims()) {
            throw new IllegalArgumentException("the samples have " + samples.dims() + " values each, the real images "
                    + real.dims());
        }
        double value = FeatureDistance.kid(manager, samples.values(), samples.count(), real.values(), real.count(),
                real.dims());
        int[] order = shuffled(real.count(), seed);
        int half = real.count() / 2;
        Rows a = real.pick(Arrays.copyOfRange(order, 0, half));
        Rows b = real.pick(Arrays.copyOfRange(order, half, 2 * half));
        double floor = FeatureDistance.kid(manager, a.values(), a.count(), b.values(), b.count(), real.dims());
        return new Kid(value, floor);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Rng rng = Rng.derive(seed, 47);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static SampleImages images(ImageDataset real, int[] pick) {
        float[] raw = new float[pick.length * real.imageBytes()];
        real.fillBatch(pick, raw);
        return new SampleImages(pick.length, real.channels(), real.imageSize(), raw);
    }

    /** The discriminator's features of the images, in batches of one shape (the last padded), in inference mode. */
    static Rows features(NDManager parent, GanNetworks networks, SampleImages images) {
        int f = images.imageFloats();
        float[] batch = new float[BATCH * f];
        float[] out = null;
        int dims = 0;
        for (int from = 0; from < images.count(); from += BATCH) {
            int count = Math.min(BATCH, images.count() - from);
            Arrays.fill(batch, -1f);
            System.arraycopy(images.pixels(), from * f, batch, 0, count * f);
            try (NDManager sub = parent.newSubManager()) {
                NDArray x = PortableOps.create(sub, batch,
                        new Shape(BATCH, images.channels(), images.size(), images.size()));
                float[] values = networks.discriminatorFeatures(x, false).toFloatArray();
                if (out == null) {
                    dims = values.length / BATCH;
                    out = new float[images.count() * dims];
                }
                System.arraycopy(values, 0, out, from * dims, count * dims);
            }
        }
        return new Rows(out, images.count(), dims);
    }
}
