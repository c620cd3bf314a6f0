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
            System.arraycopy(networks.sample(z, count), 0, all, start * imageFloats, count * imageFloats);
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
