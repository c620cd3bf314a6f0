package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.GeneratorRunner;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A trained generator as the Explore screen sees it: latent vectors in, ARGB images out, always asynchronously.
 * An interface so the ViewModel can be tested without an engine.
 */
public interface ImageSource extends AutoCloseable {

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
                return runner.render(z);
            }

            public CompletableFuture<List<int[]>> renderBatch(List<float[]> zs) {
                return runner.renderBatch(zs);
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
