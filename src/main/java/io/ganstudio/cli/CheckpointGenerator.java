package io.ganstudio.cli;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.train.LoadedCheckpoint;
import io.ganstudio.core.train.SampleGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint's generator, rendering latent vectors to ARGB images on the calling thread (the command line has
 * no UI thread to keep free). Batches the work so a thousand images do not need a thousand engine calls.
 */
final class CheckpointGenerator implements AutoCloseable {

    private static final int BATCH = 64;

    private final NDManager root;
    private final GanNetworks networks;
    private final ModelConfig model;

    CheckpointGenerator(LoadedCheckpoint checkpoint) {
        EngineSetup.init();
        this.model = checkpoint.config().model();
        this.root = NDManager.newBaseManager();
        this.networks = new GanNetworks(model, root, checkpoint.config().train().seed());
        networks.importGenerator(checkpoint.state().weights());
    }

    int latentSize() {
        return model.latentSize();
    }

    int imageSize() {
        return model.imageSize();
    }

    int channels() {
        return model.channels();
    }

    /** The class every image asks for (a conditional run's index), or -1: classes in turn. */
    private int fixedClass = -1;

    /**
     * Makes every later image ask for one class.
     *
     * @param nameOrIndex a class name (any case) or its 0-based index
     * @throws UsageError when the run has no classes or no such class
     */
    void useClass(String nameOrIndex) {
        if (model.classCount() == 0) {
            throw new UsageError("--class: this run has no classes (it was trained without --conditional); "
                    + "leave out --class, or train a conditional run");
        }
        int c = model.classIndex(nameOrIndex);
        if (c < 0) {
            throw new UsageError("--class: this run has no class \"" + nameOrIndex + "\"; give one of "
                    + String.join(", ", model.classes()) + " or its number 0-" + (model.classCount() - 1));
        }
        fixedClass = c;
    }

    /** Generator output for the latent vectors, NCHW floats in [-1, 1], in order. */
    float[] generate(List<float[]> latents) {
        int n = model.latentSize();
        int imageFloats = model.channels() * model.imageSize() * model.imageSize();
        float[] all = new float[latents.size() * imageFloats];
        for (int start = 0; start < latents.size(); start += BATCH) {
            int count = Math.min(BATCH, latents.size() - start);
            float[] z = new float[count * n];
            for (int i = 0; i < count; i++) {
                System.arraycopy(latents.get(start + i), 0, z, i * n, n);
            }
            float[] images;
            if (model.classCount() > 0) {
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = fixedClass >= 0 ? fixedClass : (start + i) % model.classCount();
                }
                images = networks.sample(z, labels, count);
            } else {
                images = networks.sample(z, count);
            }
            System.arraycopy(images, 0, all, start * imageFloats, count * imageFloats);
        }
        return all;
    }

    /** One opaque ARGB image (imageSize squared pixels) per latent vector, in order. */
    List<int[]> render(List<float[]> latents) {
        float[] nchw = generate(latents);
        List<int[]> images = new ArrayList<>(latents.size());
        for (int i = 0; i < latents.size(); i++) {
            images.add(SampleGrid.toArgb(nchw, i, model.channels(), model.imageSize()));
        }
        return images;
    }

    @Override
    public void close() {
        networks.close();
        root.close();
    }
}
