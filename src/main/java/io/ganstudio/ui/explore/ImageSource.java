package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.GeneratorRunner;

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

    @Override
    void close();

    /** A checkpoint's generator on its own engine thread. */
    static ImageSource of(GeneratorRunner runner) {
        return new ImageSource() {
            public int latentSize() {
                return runner.latentSize();
            }

            public int imageSize() {
                return runner.imageSize();
            }

            public long step() {
                return runner.step();
            }

            public CompletableFuture<int[]> render(float[] z) {
                return renderBatch(List.of(z)).thenApply(images -> images.get(0));
            }

            public CompletableFuture<List<int[]>> renderBatch(List<float[]> zs) {
                // MXNet's oneDNN deconvolution fails on a batch of one once the same weights ran a larger batch
                // (and the other way round): "Check failed: ...GetMKLDNNData()->get_desc() == IOLogicalSwapDesc".
                // So a batch that is, or would leave a last chunk of, one vector gets a spare copy, dropped after.
                if (zs.size() % RUNNER_BATCH != 1) {
                    return runner.renderBatch(zs);
                }
                List<float[]> padded = new java.util.ArrayList<>(zs);
                padded.add(zs.get(zs.size() - 1));
                return runner.renderBatch(padded).thenApply(images -> images.subList(0, zs.size()));
            }

            public CompletableFuture<List<float[]>> directions(int count) {
                // 1,000 samples: steady directions in a few seconds on a CPU; fixed seed, same sliders every time.
                return runner.directions(count, 1000, 1L)
                        .thenApply(ds -> ds.stream().map(d -> d.z()).toList());
            }

            public void close() {
                runner.close();
            }
        };
    }
}
