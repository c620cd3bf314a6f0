package io.ganstudio.core.quality;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineThread;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A run's training images and discriminator, ready to answer "which training images is this sample nearest to?"
 * for the studio. All engine work runs on one {@link EngineThread} that this object owns; answers come as futures.
 */
public final class NearestLookup implements AutoCloseable {

    /** One training image and its distance to the sample. */
    public record Neighbour(int index, int[] argb, float distance) {
    }

    /** A sample's nearest training images in pixel space and in the discriminator's features, nearest first. */
    public record Result(int imageSize, List<Neighbour> pixels, List<Neighbour> features) {
    }

    private final EngineThread<NearestTraining> engine;
    private final int channels;
    private final int size;

    private NearestLookup(EngineThread<NearestTraining> engine, int channels, int size) {
        this.engine = engine;
        this.channels = channels;
        this.size = size;
    }

    /**
     * Loads a run (a run folder, or a checkpoint file inside one): its training images and the discriminator of that
     * checkpoint (the newest valid one for a folder). Blocks for a few seconds: call it off the FX thread.
     */
    public static NearestLookup open(Path runOrCheckpoint, Path cacheDir) throws IOException {
        Path file = Files.isDirectory(runOrCheckpoint) ? null : runOrCheckpoint;
        Path dir = file == null ? runOrCheckpoint : runOrCheckpoint.toAbsolutePath().getParent().getParent();
        if (dir == null || !RunFolder.isRunFolder(dir)) {
            throw new IOException("the nearest training images need the run folder this checkpoint belongs to");
        }
        LoadedCheckpoint checkpoint = file == null ? RunFolder.open(dir).readLatestCheckpoint() : Checkpoints.read(file);
        GanConfig config = checkpoint.config();
        ImageDataset real;
        try {
            real = DatasetLoader.load(config.data(), config.model().imageSize(),
                    LoadOptions.defaults().withCacheDir(cacheDir), null).dataset();
        } catch (DatasetException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            EngineThread<NearestTraining> engine = EngineThread.start("nearest-lookup", "closed", manager -> {
                GanNetworks networks = new GanNetworks(config.model(), manager, config.train().seed());
                networks.importWeights(checkpoint.state().weights()); // before any forward pass (oneDNN layouts)
                return new NearestTraining(manager, real, networks);
            });
            return new NearestLookup(engine, config.model().channels(), config.model().imageSize());
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The k nearest training images of a sample given as opaque ARGB pixels at the run's size. */
    public CompletableFuture<Result> find(int[] argb, int k) {
        return engine.call(finder -> {
            if (argb.length != size * size) {
                throw new IllegalArgumentException("the sample has " + argb.length + " pixels, the run's images "
                        + size * size);
            }
            SampleImages sample = new SampleImages(1, channels, size, floats(argb));
            NearestTraining.Match m = finder.find(sample, k).get(0);
            return new Result(size, neighbours(finder, m.pixelIndices(), m.pixelDistances()),
                    neighbours(finder, m.featureIndices(), m.featureDistances()));
        });
    }

    private static List<Neighbour> neighbours(NearestTraining finder, int[] indices, float[] distances) {
        List<Neighbour> out = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            out.add(new Neighbour(indices[i], finder.real().argb(indices[i]), distances[i]));
        }
        return out;
    }

    private float[] floats(int[] argb) {
        int plane = size * size;
        float[] out = new float[channels * plane];
        for (int p = 0; p < plane; p++) {
            int v = argb[p];
            out[p] = ((v >> 16) & 0xFF) / 127.5f - 1f;
            if (channels == 3) {
                out[plane + p] = ((v >> 8) & 0xFF) / 127.5f - 1f;
                out[2 * plane + p] = (v & 0xFF) / 127.5f - 1f;
            }
        }
        return out;
    }

    @Override
    public void close() {
        engine.close();
    }
}
