package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.train.Checkpoints;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.LoadedCheckpoint;
import io.ganstudio.core.train.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A run's training images and discriminator, ready to answer "which training images is this sample nearest to?"
 * for the studio. All engine work runs on one daemon thread that this object owns; answers come as futures.
 */
public final class NearestLookup implements AutoCloseable {

    /** One training image and its distance to the sample. */
    public record Neighbour(int index, int[] argb, float distance) {
    }

    /** A sample's nearest training images in pixel space and in the discriminator's features, nearest first. */
    public record Result(int imageSize, List<Neighbour> pixels, List<Neighbour> features) {
    }

    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nearest-lookup");
        t.setDaemon(true);
        return t;
    });
    // Engine thread only.
    private NDManager manager;
    private NearestTraining finder;
    private int channels;
    private int size;

    private NearestLookup() {
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
        NearestLookup lookup = new NearestLookup();
        try {
            lookup.engine.submit(() -> {
                EngineSetup.init();
                lookup.manager = NDManager.newBaseManager();
                GanNetworks networks = new GanNetworks(config.model(), lookup.manager, config.train().seed());
                networks.importWeights(checkpoint.state().weights()); // before any forward pass (oneDNN layouts)
                lookup.finder = new NearestTraining(lookup.manager, real, networks);
                lookup.channels = config.model().channels();
                lookup.size = config.model().imageSize();
                return null;
            }).get();
            return lookup;
        } catch (ExecutionException e) {
            lookup.close();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            lookup.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The k nearest training images of a sample given as opaque ARGB pixels at the run's size. */
    public CompletableFuture<Result> find(int[] argb, int k) {
        return CompletableFuture.supplyAsync(() -> {
            if (finder == null) {
                throw new IllegalStateException("closed");
            }
            if (argb.length != size * size) {
                throw new IllegalArgumentException("the sample has " + argb.length + " pixels, the run's images "
                        + size * size);
            }
            SampleImages sample = new SampleImages(1, channels, size, floats(argb));
            NearestTraining.Match m = finder.find(sample, k).get(0);
            return new Result(size, neighbours(m.pixelIndices(), m.pixelDistances()),
                    neighbours(m.featureIndices(), m.featureDistances()));
        }, engine);
    }

    private List<Neighbour> neighbours(int[] indices, float[] distances) {
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
        try {
            engine.execute(() -> {
                if (manager != null) {
                    manager.close();
                }
                finder = null;
                manager = null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        engine.shutdown();
    }
}
