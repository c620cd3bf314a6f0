package io.ganstudio.ui.train;

import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.SessionState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPumpTest {

    static StepMetrics metrics(long step) {
        return new StepMetrics(step, step * 0.1, 1.0 / step, 2.0, 0.6, 0.4, 100);
    }

    static SessionEvent.SampleGrid grid(long step) {
        return new SessionEvent.SampleGrid(step, 2, 1, new int[] {0xFF000000 | (int) step, 0xFFFFFFFF},
                Path.of("samples", "step-" + step + ".png"));
    }

    @Test
    void oneDrainGivesEveryMetricInOrderAndOnlyTheNewestGrid() {
        EventPump pump = new EventPump();
        SessionEvent.SampleGrid last = null;
        for (int batch = 0; batch < 50; batch++) {
            List<StepMetrics> steps = new ArrayList<>();
            for (int k = 1; k <= 20; k++) {
                steps.add(metrics(batch * 20L + k));
            }
            pump.accept(new SessionEvent.Metrics(steps));
            if (batch % 10 == 9) {
                last = grid(batch * 20L + 20);
                pump.accept(last);
            }
        }
        EventPump.Batch b = pump.drain();
        assertEquals(1000, b.metrics().size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i + 1, b.metrics().get(i).step());
        }
        assertSame(last, b.latestGrid(), "only the newest grid keeps its pixels");
        assertEquals(5, b.savedSamples().size(), "every saved grid stays in the history");
        assertEquals(200, b.savedSamples().get(0).step());
        assertTrue(pump.drain().isEmpty(), "a drain empties the pump");
    }

    @Test
    void stateAndWarningsKeepTheirOrderAndProgressCoalesces() {
        EventPump pump = new EventPump();
        pump.accept(new SessionEvent.StateChanged(SessionState.PREPARING));
        pump.accept(new SessionEvent.Progress(Phrase.of("session.decoding"), 0.1));
        pump.accept(new SessionEvent.Warning(Phrase.verbatim("3 files were skipped")));
        pump.accept(new SessionEvent.Progress(Phrase.of("session.decoding"), 0.9));
        pump.accept(new SessionEvent.StateChanged(SessionState.RUNNING));
        EventPump.Batch b = pump.drain();
        assertEquals(3, b.others().size());
        assertEquals(new SessionEvent.StateChanged(SessionState.PREPARING), b.others().get(0));
        assertEquals(new SessionEvent.StateChanged(SessionState.RUNNING), b.others().get(2));
        assertEquals(0.9, b.latestProgress().fraction());
        assertNull(b.latestGrid());
    }

    @Test
    void producerOnAnotherThreadNeverLosesMetrics() throws Exception {
        EventPump pump = new EventPump();
        CountDownLatch done = new CountDownLatch(1);
        Thread engine = new Thread(() -> {
            for (long s = 1; s <= 20_000; s++) {
                pump.accept(new SessionEvent.Metrics(List.of(metrics(s))));
                if (s % 100 == 0) {
                    pump.accept(grid(s));
                }
            }
            done.countDown();
        });
        engine.start();
        List<StepMetrics> seen = new ArrayList<>();
        long lastGrid = 0;
        while (done.getCount() > 0 || !seenAll(seen)) {
            EventPump.Batch b = pump.drain();
            seen.addAll(b.metrics());
            if (b.latestGrid() != null) {
                assertTrue(b.latestGrid().step() > lastGrid, "grids only move forward");
                lastGrid = b.latestGrid().step();
            }
        }
        engine.join();
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i).step());
        }
        assertEquals(20_000, lastGrid);
    }

    private static boolean seenAll(List<StepMetrics> seen) {
        return seen.size() == 20_000;
    }
}
