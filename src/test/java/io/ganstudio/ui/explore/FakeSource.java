package io.ganstudio.ui.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A generator stand-in whose renders complete only when the test says so; each image's first pixel encodes the
 * first value of its z (times 1000), so tests can see which vector was rendered.
 */
final class FakeSource implements ImageSource {

    final List<float[]> requested = new ArrayList<>();
    final List<CompletableFuture<int[]>> pending = new ArrayList<>();
    final int latent;
    boolean autoComplete;
    boolean closed;

    FakeSource(int latent, boolean autoComplete) {
        this.latent = latent;
        this.autoComplete = autoComplete;
    }

    static int code(float[] z) {
        return Math.round(z[0] * 1000);
    }

    public int latentSize() {
        return latent;
    }

    public int imageSize() {
        return 2;
    }

    public long step() {
        return 100;
    }

    public CompletableFuture<int[]> render(float[] z) {
        if (closed) { // as GeneratorRunner's engine thread answers after close
            return CompletableFuture.failedFuture(new IllegalStateException("the generator is closed"));
        }
        requested.add(z.clone());
        CompletableFuture<int[]> f = new CompletableFuture<>();
        if (autoComplete) {
            f.complete(image(z));
        } else {
            pending.add(f);
        }
        return f;
    }

    /** Completes the oldest pending render. */
    void completeNext() {
        CompletableFuture<int[]> f = pending.remove(0);
        f.complete(image(requested.get(requested.size() - 1 - pending.size())));
    }

    static int[] image(float[] z) {
        return new int[] {code(z), 0, 0, 0};
    }

    public CompletableFuture<List<int[]>> renderBatch(List<float[]> zs) {
        return CompletableFuture.completedFuture(zs.stream().map(FakeSource::image).toList());
    }

    /** When set, {@link #directions} fails with this message. */
    String directionsFailure;

    /** When set, {@link #directions} answers only when the test completes {@link #directionsLater}. */
    boolean slowDirections;
    final CompletableFuture<List<float[]>> directionsLater = new CompletableFuture<>();

    public CompletableFuture<List<float[]>> directions(int count) {
        List<float[]> ds = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] d = new float[latent];
            d[k] = 1f; // direction k moves dimension k alone
            ds.add(d);
        }
        if (directionsFailure != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(directionsFailure));
        }
        if (slowDirections) {
            return directionsLater.thenApply(ignored -> ds);
        }
        return CompletableFuture.completedFuture(ds);
    }

    public void close() {
        closed = true;
    }
}
