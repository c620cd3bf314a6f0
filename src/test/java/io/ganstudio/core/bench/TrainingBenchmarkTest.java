package io.ganstudio.core.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's arithmetic on tiny models: one warm-up and two timed steps give finite, positive figures. */
class TrainingBenchmarkTest {

    @Test
    void tinyBenchmarkGivesFiniteFigures() {
        TrainingBenchmark.Case rgb = new TrainingBenchmark.Case("16 RGB", 16, 3, 4, 8, 4);
        TrainingBenchmark.Case gray = new TrainingBenchmark.Case("28 gray", 28, 1, 4, 8, 4);
        TrainingBenchmark.Options o = new TrainingBenchmark.Options(List.of(rgb, gray), rgb, 1, 2, 5, 1, 2, 16, 8);
        TrainingBenchmark.Result r = TrainingBenchmark.run(o, line -> { });
        assertTrue(r.peakGflops() > 0 && Double.isFinite(r.peakGflops()));
        assertEquals(2, r.cases().size());
        for (TrainingBenchmark.CaseResult c : r.cases()) {
            assertTrue(c.imagesPerSecond() > 0 && Double.isFinite(c.imagesPerSecond()), c.toString());
            assertTrue(c.gflopPerStep() > 0 && c.achievedGflops() > 0 && c.fractionOfPeak() > 0, c.toString());
            assertTrue(c.cpuSecondsPerStep() > 0 && Double.isFinite(c.cpuSecondsPerStep()), c.toString());
        }
        assertTrue(r.latency().p50Millis() > 0 && r.latency().p99Millis() >= r.latency().p50Millis());
    }

    @Test
    void percentileIsNearestRank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, TrainingBenchmark.percentile(sorted, 0.5));
        assertEquals(99, TrainingBenchmark.percentile(sorted, 0.99));
        assertEquals(7, TrainingBenchmark.percentile(new double[] {7}, 0.99));
    }
}
