package io.ganstudio.ui;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // TestFX or another test class started it first.
        }
        Platform.setImplicitExit(false);
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
