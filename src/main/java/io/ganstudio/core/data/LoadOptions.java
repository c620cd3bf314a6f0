package io.ganstudio.core.data;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * How a dataset is loaded.
 *
 * @param cacheDir  folder for the decoded-dataset cache; null for no cache
 * @param threads   decoding threads (at least 1)
 * @param cancelled polled during the load; when it returns true the load stops with a CancellationException
 */
public record LoadOptions(Path cacheDir, int threads, BooleanSupplier cancelled) {

    public LoadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (cancelled == null) {
            cancelled = () -> false;
        }
    }

    /** No cache, one thread per processor, never cancelled. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, Runtime.getRuntime().availableProcessors(), () -> false);
    }

    public LoadOptions withCacheDir(Path dir) {
        return new LoadOptions(dir, threads, cancelled);
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(cacheDir, n, cancelled);
    }

    public LoadOptions withCancelled(BooleanSupplier c) {
        return new LoadOptions(cacheDir, threads, c);
    }
}
