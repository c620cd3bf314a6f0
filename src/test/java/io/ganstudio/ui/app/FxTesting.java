package io.ganstudio.ui.app;

import javafx.application.Platform;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Helpers for tests that need the FX thread but no window (Monocle headless, set in the pom). */
public final class FxTesting {

    private static boolean started;

    private FxTesting() {
    }

    public static synchronized void startPlatform() {
        if (started) {
            return;
        }
        // Start the toolkit the way TestFX does, so window tests that run later in this JVM find it as they expect.
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        started = true;
    }

    /** Runs on the FX thread and returns its result. */
    public static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    /** Polls a condition on the FX thread until it holds or the timeout passes. */
    public static void waitFor(Duration timeout, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not met within " + timeout);
    }
}
