package io.ganstudio.ui.train;

import javafx.animation.AnimationTimer;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Drains the {@link EventPump} on the FX thread at most ~30 times a second: often enough to look live, rarely
 * enough that chart redraws never crowd out input handling.
 */
public final class PumpDriver extends AnimationTimer {

    static final long INTERVAL_NANOS = 33_000_000L;

    private final EventPump pump;
    private final Consumer<EventPump.Batch> sink;
    private long last;
    private long[] workNanos = new long[256];
    private int works;

    public PumpDriver(EventPump pump, Consumer<EventPump.Batch> sink) {
        this.pump = pump;
        this.sink = sink;
    }

    @Override
    public void handle(long now) {
        if (now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        EventPump.Batch batch = pump.drain();
        if (!batch.isEmpty()) {
            long t0 = System.nanoTime();
            sink.accept(batch); // charts redraw inside: this is the screen's own work per frame
            if (works == workNanos.length) {
                workNanos = Arrays.copyOf(workNanos, works * 2);
            }
            workNanos[works++] = System.nanoTime() - t0;
        }
    }

    /** How long each applied batch took on the FX thread, in nanoseconds (for the UI benchmark). */
    public long[] workNanos() {
        return Arrays.copyOf(workNanos, works);
    }
}
