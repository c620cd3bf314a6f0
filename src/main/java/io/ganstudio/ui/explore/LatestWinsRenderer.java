package io.ganstudio.ui.explore;

import io.ganstudio.session.InteractionGate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a slider responsive however slow the generator is: at most one render is in flight, and while it runs only
 * the newest requested z is remembered (older requests are dropped, not queued). When the render completes, its
 * image is delivered and the remembered z, if any, is rendered next. Nobody ever waits: callers return at once.
 * Each render holds the process's {@link InteractionGate}, so a training in progress waits between its steps while
 * the user drags.
 */
public final class LatestWinsRenderer {

    private final Function<float[], CompletableFuture<int[]>> render;
    private final Executor deliver;
    private final Consumer<int[]> onImage;
    private final Consumer<Throwable> onError;
    private final InteractionGate gate;
    private boolean inFlight;
    private float[] pending;
    private long requested;
    private long rendered;

    /**
     * @param deliver where results are handed over (the FX thread: {@code Platform::runLater})
     */
    public LatestWinsRenderer(Function<float[], CompletableFuture<int[]>> render, Executor deliver,
                              Consumer<int[]> onImage, Consumer<Throwable> onError) {
        this.render = render;
        this.deliver = deliver;
        this.onImage = onImage;
        this.onError = onError;
        this.gate = InteractionGate.shared();
    }

    /** Asks for z to be shown; returns at once. */
    public void request(float[] z) {
        float[] copy = z.clone();
        synchronized (this) {
            requested++;
            if (inFlight) {
                pending = copy;
                return;
            }
            inFlight = true;
        }
        launch(copy);
    }

    private void launch(float[] z) {
        CompletableFuture<int[]> f;
        gate.begin(); // a running training waits between steps until the user stops moving the slider
        try {
            f = render.apply(z);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((image, error) -> {
            gate.end();
            deliver.execute(() -> {
                if (error != null) {
                    onError.accept(error);
                } else {
                    onImage.accept(image);
                }
            });
            float[] next;
            synchronized (this) {
                rendered++;
                next = pending;
                pending = null;
                if (next == null) {
                    inFlight = false;
                }
            }
            if (next != null) {
                launch(next);
            }
        });
    }

    /** Requests so far, and renders actually run: the difference is what "latest wins" skipped. */
    public synchronized long requestedCount() {
        return requested;
    }

    public synchronized long renderedCount() {
        return rendered;
    }

    public synchronized boolean busy() {
        return inFlight;
    }
}
