package io.ganstudio.ui.model;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.ui.harness.Configs;
import io.ganstudio.ui.task.WorkContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedProbeTest {

    /** Records the progress the probe reports; cancels once {@code cancelAt} steps are done (never if negative). */
    private static final class Recorder implements WorkContext {
        final List<long[]> progress = new ArrayList<>();
        final long cancelAt;

        Recorder(long cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void progress(long done, long total) {
            progress.add(new long[] {done, total});
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return cancelAt >= 0 && !progress.isEmpty() && progress.get(progress.size() - 1)[0] >= cancelAt;
        }
    }

    @Test
    void measuresAfterTheWarmUpAndReportsEachStepAsProgress() {
        GanConfig c = Configs.tiny(100);
        Recorder r = new Recorder(-1);
        double ips = SpeedProbe.imagesPerSecond(c.model(), c.train(), r);
        assertTrue(ips > 0 && Double.isFinite(ips), "images per second: " + ips);
        int steps = SpeedProbe.WARM_UP_STEPS + SpeedProbe.TIMED_STEPS;
        // Determinate from the start (the status bar draws no moving bar), one report per step, ending full.
        assertEquals(steps + 1, r.progress.size());
        for (int i = 0; i <= steps; i++) {
            assertEquals(i, r.progress.get(i)[0]);
            assertEquals(steps, r.progress.get(i)[1]);
        }
    }

    @Test
    void aCancelledProbeStopsAndMeasuresNothing() {
        GanConfig c = Configs.tiny(100);
        Recorder r = new Recorder(2);
        assertTrue(Double.isNaN(SpeedProbe.imagesPerSecond(c.model(), c.train(), r)));
        assertEquals(3, r.progress.size(), "no step after the cancel");
    }
}
