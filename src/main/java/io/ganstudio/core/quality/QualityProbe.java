package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.random.Rng;

import java.io.IOException;

/**
 * The quality measures during training: every N steps, a fixed set of noise vectors goes through the current
 * generator and the samples are measured against a fixed subset of the training images. Small on purpose (512
 * samples, 2,000 real images, bins for those numbers), so that a probe costs a small fraction of training.
 * Lives on the engine thread.
 */
public final class QualityProbe implements AutoCloseable {

    /** Steps between probes unless the user says otherwise. */
    public static final int DEFAULT_EVERY = 500;
    /** Steps between probes chosen from the run's length (see {@link #autoEvery(long)}). */
    public static final int AUTO = -1;
    /** Automatic interval: about this many probes a run... */
    public static final int AUTO_PROBES = 10;
    /** ...but at most one every this many steps (a probe costs about as much as tens of small steps). */
    public static final int AUTO_MIN_EVERY = 50;
    public static final int SAMPLES = 512;
    public static final int REAL_LIMIT = 2000;
    /** Fewer training images than this give no meaningful nearest neighbours or bins: no probe. */
    public static final int MIN_IMAGES = 10;

    /** Turns latent vectors into images (n x latent floats in, n images NCHW in [-1, 1] out). */
    @FunctionalInterface
    public interface Generator {
        float[] sample(float[] latents, int n);
    }

    /**
     * Steps between probes for a run of this many steps: about {@link #AUTO_PROBES} probes (a tenth of the run, rounded
     * up to tens), never more often than every {@link #AUTO_MIN_EVERY} steps: 200 steps give 50, 2,000 give 200,
     * 5,000 give 500.
     */
    public static int autoEvery(long steps) {
        long every = (Math.max(1, steps) + AUTO_PROBES - 1) / AUTO_PROBES;
        every = (every + 9) / 10 * 10;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(AUTO_MIN_EVERY, every));
    }

    private final QualityEvaluator evaluator;
    private final float[] latents;
    private final int latentSize;
    private final int batch;
    private final int samples;
    private final int channels;
    private final int size;

    private QualityProbe(QualityEvaluator evaluator, int latentSize, int batch, int channels, int size, long seed) {
        this.evaluator = evaluator;
        this.latentSize = latentSize;
        this.batch = batch;
        this.samples = (SAMPLES + batch - 1) / batch * batch;
        this.channels = channels;
        this.size = size;
        this.latents = new float[samples * latentSize];
        Rng.derive(seed, 41).fillGaussian(latents, 0f, 1f);
    }

    /**
     * Prepares the real side (a few seconds: bins, nearest-neighbour distances, and for the built-in data the
     * classifier's features of the 10,000 built-in images).
     *
     * @param batch the generator is always called with exactly this many latent vectors (oneDNN keeps one shape)
     */
    public static QualityProbe prepare(NDManager manager, ImageDataset data, boolean builtIn, boolean padded,
                                       int latentSize, int batch, long seed) throws IOException {
        int samples = (SAMPLES + batch - 1) / batch * batch;
        QualityEvaluator e = QualityEvaluator.prepare(manager, data, new QualityEvaluator.Options(REAL_LIMIT,
                builtIn, padded, 0, samples, seed));
        return new QualityProbe(e, latentSize, batch, data.channels(), data.imageSize(), seed);
    }

    public QualitySnapshot measure(long step, Generator generator) {
        long start = System.nanoTime();
        int imageFloats = channels * size * size;
        float[] images = new float[samples * imageFloats];
        float[] z = new float[batch * latentSize];
        for (int from = 0; from < samples; from += batch) {
            System.arraycopy(latents, from * latentSize, z, 0, batch * latentSize);
            System.arraycopy(generator.sample(z, batch), 0, images, from * imageFloats, batch * imageFloats);
        }
        QualityReport report = evaluator.evaluate(new SampleImages(samples, channels, size, images));
        return QualitySnapshot.of(step, (System.nanoTime() - start) / 1e9, report);
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
