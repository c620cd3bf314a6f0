package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The baseline beside the GAN's score: an image's mean squared pixel distance to the nearest normal training image
 * (at most {@link #MAX_REFERENCES} of them, a seeded random subset beyond that). If the GAN does not beat this, it
 * has not earned its place.
 */
public final class PixelNearest implements AutoCloseable {

    public static final int MAX_REFERENCES = 10_000;
    private static final int CHUNK = 256;

    private final NDManager manager;
    /** Transposed once (values, references): a transpose per chunk would pile up on the long-lived manager. */
    private final NDArray references;
    private final NDArray referenceNorms;
    private final int values;

    public PixelNearest(ImageDataset normal, long seed) {
        EngineSetup.init();
        int n = Math.min(MAX_REFERENCES, normal.count());
        // All of them in order, or a random subset when there are more than MAX_REFERENCES.
        int[] indices = n < normal.count() ? Rng.derive(seed, 31).permutation(normal.count())
                : IntStream.range(0, n).toArray();
        this.values = normal.imageBytes();
        float[] pixels = new float[n * values];
        normal.fillBatch(Arrays.copyOf(indices, n), pixels);
        this.manager = NDManager.newBaseManager(EngineSetup.device());
        NDArray rows = PortableOps.create(manager, pixels, new Shape(n, values));
        this.referenceNorms = rows.square().sum(new int[] {1});
        this.references = rows.transpose();
    }

    /** The normal reference images kept inside an inspection model (CHW each, in [-1, 1], concatenated). */
    public PixelNearest(float[] references, io.ganstudio.core.model.ModelConfig model) {
        EngineSetup.init();
        this.values = model.channels() * model.imageSize() * model.imageSize();
        int n = references.length / values;
        this.manager = NDManager.newBaseManager(EngineSetup.device());
        NDArray rows = PortableOps.create(manager, references, new Shape(n, values));
        this.referenceNorms = rows.square().sum(new int[] {1});
        this.references = rows.transpose();
    }

    /** Per image: min over references of mean((x - r)^2). */
    public double[] distances(List<float[]> images) {
        double[] out = new double[images.size()];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int n = Math.min(CHUNK, images.size() - from);
            float[] batch = new float[n * values];
            for (int i = 0; i < n; i++) {
                System.arraycopy(images.get(from + i), 0, batch, i * values, values);
            }
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = PortableOps.create(sub, batch, new Shape(n, values));
                // |x - r|^2 = |x|^2 + |r|^2 - 2 x.r, for all pairs at once.
                NDArray d = PortableOps.mul(x.matMul(references), -2f)
                        .add(referenceNorms.expandDims(0))
                        .add(x.square().sum(new int[] {1}).expandDims(1));
                float[] min = d.min(new int[] {1}).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = Math.max(0, min[i]) / values;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
