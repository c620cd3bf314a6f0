package io.ganstudio.ui.playground;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs the playground's jobs one after another, in the order given, on an underlying executor (the studio's one
 * background-work helper): a reset never overtakes the step before it. Never blocks the caller.
 */
final class SerialWorker implements Executor {

    private final Executor executor;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialWorker(Executor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized void execute(Runnable job) {
        queue.add(job);
        if (!running) {
            running = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}
