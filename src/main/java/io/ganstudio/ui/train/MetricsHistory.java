package io.ganstudio.ui.train;

import io.ganstudio.core.train.StepMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Every step's metrics of the run on screen, in step order. Append-only except when a resumed run rewinds to its
 * checkpoint: then the rows after it are dropped, because the resumed run writes that stretch again.
 * FX thread only.
 */
public final class MetricsHistory {

    private final List<StepMetrics> rows = new ArrayList<>();
    private long revision;

    /** Appends rows; a row at or before the last kept step first cuts the history back to before it. */
    public void append(List<StepMetrics> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long first = batch.get(0).step();
        if (!rows.isEmpty() && first <= rows.get(rows.size() - 1).step()) {
            int keep = rows.size();
            while (keep > 0 && rows.get(keep - 1).step() >= first) {
                keep--;
            }
            rows.subList(keep, rows.size()).clear();
            revision++; // a cut is not an append: viewers must rebuild
        }
        rows.addAll(batch);
    }

    public void replaceAll(List<StepMetrics> all) {
        rows.clear();
        rows.addAll(all);
        revision++;
    }

    public int size() {
        return rows.size();
    }

    public StepMetrics get(int i) {
        return rows.get(i);
    }

    public StepMetrics last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /** Changes whenever rows were removed or replaced, so a viewer knows to rebuild rather than append. */
    public long revision() {
        return revision;
    }

    /**
     * Seconds per step over the last {@code window} rows (training time, pauses excluded), or NaN when too few rows.
     */
    public double secondsPerStep(int window) {
        if (rows.size() < 2) {
            return Double.NaN;
        }
        StepMetrics last = rows.get(rows.size() - 1);
        StepMetrics first = rows.get(Math.max(0, rows.size() - 1 - window));
        long steps = last.step() - first.step();
        return steps <= 0 ? Double.NaN : (last.seconds() - first.seconds()) / steps;
    }
}
