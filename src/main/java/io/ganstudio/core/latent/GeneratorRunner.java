package io.ganstudio.core.latent;

import io.ganstudio.core.engine.EngineThread;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A trained generator ready to turn latent vectors into images: the one generator loader of the studio (Explore)
 * and the command line ({@code generate}, {@code interpolate}, which wait on the futures). All engine work happens
 * on one {@link EngineThread} that this object owns, so callers (the JavaFX thread above all) never wait on MXNet: every
 * method returns at once with a future. Batch norm uses its running statistics (inference mode), so an image
 * depends only on its own z, not on what else is in the batch.
 *
 * <p>MXNet's oneDNN refuses a network instance a smaller batch after a larger one, so every batch is padded (with
 * zero vectors, whose images are dropped) to the largest batch this instance has run: 65 images run as 64 + 64.
 */
public final class GeneratorRunner implements AutoCloseable {

    /** Larger requests are split into batches of this size, to bound the engine's memory. */
    private static final int MAX_BATCH = 64;

    private final ModelConfig model;
    private final long step;
    private final EngineThread<GanNetworks> engine;
    // Touched only on the engine thread.
    private int largestBatch;
    /** A conditional run's class for every image, or -1: classes in turn (image i asks for class i mod count). */
    private volatile int fixedClass = -1;

    private GeneratorRunner(EngineThread<GanNetworks> engine, ModelConfig model, long step) {
        this.engine = engine;
        this.model = model;
        this.step = step;
    }

    /** Loads the generator of a run's newest valid checkpoint. Blocks while loading: call it off the FX thread. */
    public static GeneratorRunner open(RunFolder run) throws IOException {
        return load(Checkpoints.readLatestGenerator(run.checkpointDir()));
    }

    /** Builds the generator from a checkpoint's weights. Blocks while building: call it off the FX thread. */
    public static GeneratorRunner load(LoadedCheckpoint checkpoint) throws IOException {
        ModelConfig model = checkpoint.config().model();
        try {
            EngineThread<GanNetworks> engine = EngineThread.start("generator-runner", "the generator is closed",
                    true, manager -> {
                        GanNetworks networks = new GanNetworks(model, manager, checkpoint.config().train().seed());
                        networks.importGenerator(checkpoint.state().weights());
                        return networks;
                    });
            return new GeneratorRunner(engine, model, checkpoint.step());
        } catch (ExecutionException e) {
            throw new IOException("the generator in " + checkpoint.file().getFileName() + " could not be loaded: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("loading the generator was interrupted", e);
        }
    }

    /** One image as opaque ARGB pixels, imageSize() x imageSize(). */
    public CompletableFuture<int[]> render(float[] z) {
        return renderBatch(List.of(z)).thenApply(images -> images.get(0));
    }

    /** One image per latent vector, in the same order. */
    public CompletableFuture<List<int[]>> renderBatch(List<float[]> zs) {
        return sampleBatch(zs).thenApply(pixels -> {
            List<int[]> images = new ArrayList<>(zs.size());
            for (int i = 0; i < zs.size(); i++) {
                images.add(SampleGrid.toArgb(pixels, i, model.channels(), model.imageSize()));
            }
            return images;
        });
    }

    /** The generator's raw output for the latent vectors: NCHW floats in [-1, 1], one image after another. */
    public CompletableFuture<float[]> sampleBatch(List<float[]> zs) {
        return sampleBatch(zs, 0);
    }

    /**
     * Like {@link #sampleBatch(List)}; a conditional run (without {@link #useClass}) gives the image of z number
     * {@code i} the class {@code (firstIndex + i) mod K}, so that callers generating in batches keep one sequence of
     * classes over all their samples.
     */
    public CompletableFuture<float[]> sampleBatch(List<float[]> zs, int firstIndex) {
        for (float[] z : zs) {
            if (z.length != model.latentSize()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("this generator takes latent "
                        + "vectors of size " + model.latentSize() + ", not " + z.length));
            }
        }
        List<float[]> copies = zs.stream().map(float[]::clone).toList(); // the caller may change its arrays
        int imageFloats = model.channels() * model.imageSize() * model.imageSize();
        return onEngine(n -> {
            float[] all = new float[copies.size() * imageFloats];
            for (int from = 0; from < copies.size(); from += MAX_BATCH) {
                List<float[]> chunk = copies.subList(from, Math.min(copies.size(), from + MAX_BATCH));
                int batch = Math.max(chunk.size(), largestBatch);
                largestBatch = batch;
                float[] z = new float[batch * model.latentSize()]; // zero vectors pad the batch
                float[] packed = concat(chunk);
                System.arraycopy(packed, 0, z, 0, packed.length);
                float[] pixels;
                if (model.classCount() > 0) {
                    int[] labels = new int[batch];
                    for (int i = 0; i < batch; i++) {
                        labels[i] = fixedClass >= 0 ? fixedClass : (firstIndex + from + i) % model.classCount();
                    }
                    pixels = n.sample(z, labels, batch);
                } else {
                    pixels = n.sample(z, batch);
                }
                System.arraycopy(pixels, 0, all, from * imageFloats, chunk.size() * imageFloats);
            }
            return all;
        });
    }

    /**
     * A conditional run's images for explicit classes, or mixes of classes: {@code classWeights} has one row of
     * {@code classCount} weights per z (one-hot for one class; {@code (1-t)} and {@code t} on two classes blends
     * their embeddings). Ignores {@link #useClass}. Fails for a run without classes.
     */
    public CompletableFuture<List<int[]>> renderBlend(List<float[]> zs, List<float[]> classWeights) {
        int classes = model.classCount();
        if (classes == 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("this run has no classes (it was "
                    + "trained without --conditional)"));
        }
        if (classWeights.size() != zs.size()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("one class row per z: "
                    + zs.size() + " z, " + classWeights.size() + " rows"));
        }
        for (int i = 0; i < zs.size(); i++) {
            if (zs.get(i).length != model.latentSize() || classWeights.get(i).length != classes) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("this generator takes latent "
                        + "vectors of size " + model.latentSize() + " and " + classes + " class weights"));
            }
        }
        List<float[]> zCopies = zs.stream().map(float[]::clone).toList();
        List<float[]> wCopies = classWeights.stream().map(float[]::clone).toList();
        return onEngine(n -> {
            List<int[]> images = new ArrayList<>(zCopies.size());
            for (int from = 0; from < zCopies.size(); from += MAX_BATCH) {
                int count = Math.min(MAX_BATCH, zCopies.size() - from);
                int batch = Math.max(count, largestBatch);
                largestBatch = batch;
                float[] z = new float[batch * model.latentSize()]; // zero rows pad the batch
                float[] w = new float[batch * classes];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(zCopies.get(from + i), 0, z, i * model.latentSize(), model.latentSize());
                    System.arraycopy(wCopies.get(from + i), 0, w, i * classes, classes);
                }
                for (int i = count; i < batch; i++) {
                    w[i * classes] = 1f;
                }
                float[] pixels = n.sampleBlend(z, w, batch);
                for (int i = 0; i < count; i++) {
                    images.add(SampleGrid.toArgb(pixels, i, model.channels(), model.imageSize()));
                }
            }
            return images;
        });
    }

    /** One-hot rows: image i of a conditional run asks for {@code classes[i]}. */
    public CompletableFuture<List<int[]>> renderClasses(List<float[]> zs, int[] classes) {
        List<float[]> rows = new ArrayList<>();
        for (int c : classes) {
            if (c < 0 || c >= model.classCount()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("class " + c + " of a run with "
                        + model.classCount() + " classes"));
            }
            float[] row = new float[model.classCount()];
            row[c] = 1f;
            rows.add(row);
        }
        return renderBlend(zs, rows);
    }

    /** GANSpace-style directions in z (see {@link Directions}); computing them takes a few seconds on a CPU. */
    public CompletableFuture<List<Directions.Direction>> directions(int count, int samples, long seed) {
        return onEngine(n -> Directions.compute(n, count, samples, seed));
    }

    /** Runs engine work on this runner's thread; a closed runner answers with a failed future. */
    <T> CompletableFuture<T> onEngine(Function<GanNetworks, T> work) {
        return engine.call(work);
    }

    private float[] concat(List<float[]> zs) {
        int l = model.latentSize();
        float[] all = new float[zs.size() * l];
        for (int i = 0; i < zs.size(); i++) {
            System.arraycopy(zs.get(i), 0, all, i * l, l);
        }
        return all;
    }

    /** The generator's configuration (size, channels, a conditional run's class names). */
    public ModelConfig model() {
        return model;
    }

    /**
     * Makes every later image of a conditional run ask for one class ({@code -1}: classes in turn).
     *
     * @throws IllegalArgumentException when the run has no such class
     */
    public void useClass(int classIndex) {
        if (classIndex >= model.classCount() || classIndex < -1) {
            throw new IllegalArgumentException("class " + classIndex + " of a run with " + model.classCount()
                    + " classes");
        }
        fixedClass = classIndex;
    }

    public int imageSize() {
        return model.imageSize();
    }

    public int channels() {
        return model.channels();
    }

    public int latentSize() {
        return model.latentSize();
    }

    /** The training step of the checkpoint this generator came from. */
    public long step() {
        return step;
    }

    /** Frees the engine memory after any requests already queued, and ends the thread. Does not wait. */
    @Override
    public void close() {
        engine.close();
    }
}
