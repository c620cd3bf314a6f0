package io.ganstudio.ui.train;

import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.session.SessionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands session events from the engine thread to the FX thread without ever making either wait: the engine thread
 * only appends to lock-free queues, and the FX thread takes everything at its own rate with {@link #drain()}.
 * Metrics are kept in full and in order (the charts need every point); of the sample grids only the newest keeps
 * its pixels (older ones would be painted over within the same frame anyway), but every grid's saved file is kept
 * for the history slider. Other events (state, warnings, failures) keep their order.
 */
public final class EventPump implements Consumer<SessionEvent> {

    /** Everything that arrived since the previous drain. */
    public record Batch(List<StepMetrics> metrics, SessionEvent.SampleGrid latestGrid,
                        List<RunFolder.Sample> savedSamples, List<SessionEvent> others,
                        SessionEvent.Progress latestProgress) {

        public boolean isEmpty() {
            return metrics.isEmpty() && latestGrid == null && savedSamples.isEmpty() && others.isEmpty()
                    && latestProgress == null;
        }
    }

    private final ConcurrentLinkedQueue<StepMetrics> metrics = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunFolder.Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SessionEvent> others = new ConcurrentLinkedQueue<>();
    private final AtomicReference<SessionEvent.SampleGrid> grid = new AtomicReference<>();
    private final AtomicReference<SessionEvent.Progress> progress = new AtomicReference<>();
    private final AtomicReference<SessionEvent.Failed> lastFailure = new AtomicReference<>();

    /** Called on the engine thread: only queues, never blocks. */
    @Override
    public void accept(SessionEvent event) {
        if (event instanceof SessionEvent.Metrics m) {
            metrics.addAll(m.steps());
        } else if (event instanceof SessionEvent.SampleGrid g) {
            if (g.file() != null) {
                samples.add(new RunFolder.Sample(g.step(), g.file()));
            }
            grid.set(g);
        } else if (event instanceof SessionEvent.Progress p) {
            progress.set(p);
        } else {
            if (event instanceof SessionEvent.Failed f) {
                lastFailure.set(f);
            }
            others.add(event);
        }
    }

    /**
     * The newest failure the engine reported since {@link #forgetFailure()}, or null; readable on any thread, before the
     * FX thread has drained it (quitting must know whether the final checkpoint was written).
     */
    public SessionEvent.Failed lastFailure() {
        return lastFailure.get();
    }

    public void forgetFailure() {
        lastFailure.set(null);
    }

    /** Called on the consuming (FX) thread: everything queued so far, then empty. */
    public Batch drain() {
        List<StepMetrics> m = takeAll(metrics);
        List<RunFolder.Sample> s = takeAll(samples);
        List<SessionEvent> o = takeAll(others);
        return new Batch(m, grid.getAndSet(null), s, o, progress.getAndSet(null));
    }

    private static <T> List<T> takeAll(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t = queue.poll(); t != null; t = queue.poll()) {
            out.add(t);
        }
        return out;
    }
}
