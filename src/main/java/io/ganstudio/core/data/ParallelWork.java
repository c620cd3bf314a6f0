package io.ganstudio.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Runs {@code task(0..n-1)} on worker threads while the calling thread reports progress (about 20 times a second
 * at most) and watches for cancellation. Results keep the index order.
 */
final class ParallelWork {

    private static final long POLL_MILLIS = 50;

    private ParallelWork() {
    }

    static <T> List<T> map(int n, int threads, IntFunction<T> task, LoadProgress progress, BooleanSupplier cancelled) {
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int workers = Math.max(1, Math.min(threads, n));
        CountDownLatch finished = new CountDownLatch(workers);
        List<Thread> pool = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        results[i] = task.apply(i);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    next.set(n);
                } finally {
                    finished.countDown();
                }
            }, "gan-data-" + w);
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        progress.update(0, n);
        int reported = 0;
        try {
            while (!finished.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    next.set(n);
                    finished.await();
                    throw new CancellationException("loading the dataset was cancelled");
                }
                int d = done.get();
                if (d != reported) {
                    reported = d;
                    progress.update(d, n);
                }
            }
        } catch (InterruptedException e) {
            next.set(n);
            Thread.currentThread().interrupt();
            throw new CancellationException("loading the dataset was interrupted");
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("loading the dataset was cancelled");
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("decoding failed unexpectedly: " + f, f);
        }
        progress.update(n, n);
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }
}
