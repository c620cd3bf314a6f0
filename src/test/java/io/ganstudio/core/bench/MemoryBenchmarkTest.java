package io.ganstudio.core.bench;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryBenchmarkTest {

    @Test
    void samplesMemoryAtTheRequestedSteps() {
        List<MemoryBenchmark.Sample> seen = new ArrayList<>();
        List<MemoryBenchmark.Sample> samples = MemoryBenchmark.run(
                new ModelConfig(16, 1, 8, 4, 4, Normalization.BATCH_NORM), 4, 6, 2, seen::add);
        assertEquals(List.of(2L, 4L, 6L), samples.stream().map(MemoryBenchmark.Sample::step).toList());
        assertEquals(samples, seen);
        for (MemoryBenchmark.Sample s : samples) {
            assertTrue(s.heapCommittedBytes() > 0 && s.heapUsedBytes() > 0);
            if (System.getProperty("os.name").startsWith("Linux")) {
                assertTrue(s.residentBytes() > s.heapUsedBytes(), "resident memory includes the used heap: " + s);
            }
        }
    }
}
