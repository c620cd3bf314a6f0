package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.jobs.DirectionsJob;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A trained generator as the Explore screen sees it: latent vectors in, ARGB images out, always asynchronously.
 * An interface so the ViewModel can be tested without an engine.
 */
public interface ImageSource extends AutoCloseable {

    /** GeneratorRunner's own chunk size: requests are split into batches of this many. */
    int RUNNER_BATCH = 64;

    int latentSize();

    int imageSize();

    /** The training step the generator was saved at. */
    long step();

    CompletableFuture<int[]> render(float[] z);

    CompletableFuture<List<int[]>> renderBatch(List<float[]> zs);

    /** Unit directions in z by decreasing importance (PCA, GANSpace-style); may fail for tiny generators. */
    CompletableFuture<List<float[]>> directions(int count);

    /** A conditional generator's class names (index order); empty for a generator without classes. */
    default List<String> classes() {
        return List.of();
    }

    /**
     * Makes {@link #render} and {@link #renderBatch} of a conditional generator ask for one class.
     *
     * @throws IllegalArgumentException for a class the generator does not have (any class, without classes)
     */
    default void useClass(int classIndex) {
        throw new IllegalArgumentException("this generator has no classes");
    }

    /** A conditional generator's image of z as each of the given classes (image i: {@code zs[i]}, class i). */
    default CompletableFuture<List<int[]>> renderClasses(List<float[]> zs, int[] classIndices) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("this generator has no classes"));
    }

    /**
     * A conditional generator's images for mixes of classes: one row of {@code classes().size()} weights per z
     * ({@code 1-t} and {@code t} on two classes blend their embeddings).
     */
    default CompletableFuture<List<int[]>> renderBlend(List<float[]> zs, List<float[]> classWeights) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("this generator has no classes"));
    }

    @Override
    void close();

    /**
     * A checkpoint's generator, loaded twice: one copy renders single images (the slider path) and only ever sees
     * batches of one, the other renders grids, walks and directions. MXNet's oneDNN deconvolution fails when the same
     * weights run a batch of one after a larger batch or the other way round ("Check failed: ...GetMKLDNNData()->
     * get_desc() == IOLogicalSwapDesc"); padding single images to two would avoid it too, but doubles the slider's
     * render time. A generator's weights are a few MB, so the second copy is cheap.
     */
    static ImageSource of(GeneratorRunner single, GeneratorRunner batches) {
        return new ImageSource() {
            public int latentSize() {
                return single.latentSize();
            }

            public int imageSize() {
                return single.imageSize();
            }

            public long step() {
                return single.step();
            }

            public CompletableFuture<int[]> render(float[] z) {
                return single.render(z);
            }

            public CompletableFuture<List<int[]>> renderBatch(List<float[]> zs) {
                if (zs.size() % RUNNER_BATCH != 1) {
                    return batches.renderBatch(zs);
                }
                // A last chunk of one vector would flip the batch copy to batch size one: add a spare, drop it after.
                List<float[]> padded = new ArrayList<>(zs);
                padded.add(zs.get(zs.size() - 1));
                return batches.renderBatch(padded).thenApply(images -> images.subList(0, zs.size()));
            }

            public List<String> classes() {
                return single.model().classes();
            }

            public void useClass(int classIndex) {
                single.useClass(classIndex);
                batches.useClass(classIndex);
            }

            public CompletableFuture<List<int[]>> renderClasses(List<float[]> zs, int[] classIndices) {
                return batches.renderClasses(zs, classIndices);
            }

            public CompletableFuture<List<int[]>> renderBlend(List<float[]> zs, List<float[]> classWeights) {
                return batches.renderBlend(zs, classWeights);
            }

            public CompletableFuture<List<float[]>> directions(int count) {
                return DirectionsJob.principal(batches, count);
            }

            public void close() {
                single.close();
                batches.close();
            }
        };
    }
}
