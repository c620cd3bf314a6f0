package io.ganstudio.session;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.quality.QualityProbe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The quality probe's one-time preparation (bins, nearest-neighbour distances, the classifier's features of the
 * built-in images: up to half a minute on a laptop) on a thread of its own, so training starts at once. It reads the
 * training images and runs inference only: training's random stream and weights are untouched. The probe lives in
 * its own NDManager, closed with it whenever the preparation ends.
 */
final class BackgroundProbe implements AutoCloseable {

    /** Makes the probe in the given manager (on the preparing thread). */
    @FunctionalInterface
    interface Preparation {
        QualityProbe prepare(NDManager manager) throws Exception;
    }

    private final CompletableFuture<QualityProbe> future = new CompletableFuture<>();
    private final NDManager manager = NDManager.newBaseManager(EngineSetup.device());
    private boolean closed;

    private BackgroundProbe() {
    }

    /** Starts preparing now, on a low-priority daemon thread. */
    static BackgroundProbe start(Preparation preparation) {
        BackgroundProbe p = new BackgroundProbe();
        Thread t = new Thread(() -> {
            try {
                // Without it PyTorch records autograd here (its switch is per thread), and every feature array made
                // while preparing would keep its whole graph alive.
                Autograd.beginEngineThread();
                p.done(preparation.prepare(p.manager), null);
            } catch (Exception | Error e) {
                p.done(null, e);
            }
        }, "quality-prepare");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return p;
    }

    private synchronized void done(QualityProbe probe, Throwable error) {
        if (closed) {
            if (probe != null) {
                probe.close();
            }
            manager.close(); // the session ended while preparing
            return;
        }
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(probe);
        }
    }

    boolean isDone() {
        return future.isDone();
    }

    /**
     * The probe, waiting at most this long for its preparation; null while still preparing.
     *
     * @throws ExecutionException when the preparation failed (its cause says why)
     */
    QualityProbe get(long timeout, TimeUnit unit) throws ExecutionException, InterruptedException {
        try {
            return future.get(timeout, unit);
        } catch (TimeoutException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (future.isDone()) {
            QualityProbe probe = future.isCompletedExceptionally() ? null : future.getNow(null);
            if (probe != null) {
                probe.close();
            }
            manager.close();
        } // else the preparing thread closes both when it ends
    }
}
