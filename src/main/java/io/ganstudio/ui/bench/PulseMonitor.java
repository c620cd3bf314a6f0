package io.ganstudio.ui.bench;

import javafx.animation.AnimationTimer;

import java.util.Arrays;

/**
 * Records the gaps between JavaFX pulses. While it runs it keeps pulses coming (an AnimationTimer asks for one every
 * frame), so a gap much longer than 16.7 ms means the FX thread was busy: a frame the user saw freeze.
 */
public final class PulseMonitor extends AnimationTimer {

    private long[] gaps = new long[4096];
    private int count;
    private long last;
    private long first;
    private long maxGap;
    private long maxAt;
    private Runnable onPulse = () -> { };

    @Override
    public void start() {
        last = 0;
        super.start();
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            long gap = now - last;
            gaps[count++] = gap;
            if (gap > maxGap) {
                maxGap = gap;
                maxAt = last - first;
            }
        } else {
            first = now;
        }
        last = now;
        onPulse.run();
    }

    /** Called on every pulse, on the FX thread (latency probes use it to see when a change reaches the screen). */
    public void setOnPulse(Runnable r) {
        onPulse = r;
    }

    /** Forgets what was recorded so far. FX thread. */
    public void reset() {
        count = 0;
        last = 0;
        maxGap = 0;
        maxAt = 0;
    }

    /** When the longest gap began, in seconds after recording started (a one-off at the start, or steady?). */
    public double maxGapAtSeconds() {
        return maxAt / 1e9;
    }

    /** Gaps in milliseconds. FX thread. */
    public Stats stats() {
        return Stats.of(Arrays.copyOf(gaps, count));
    }

    /** Percentiles of a set of durations in nanoseconds, reported in milliseconds. */
    public record Stats(int count, double p50, double p99, double max) {

        public static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] s = nanos.clone();
            Arrays.sort(s);
            return new Stats(s.length, pct(s, 0.50), pct(s, 0.99), s[s.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p99, max);
        }
    }
}
