package io.ganstudio.core.quality;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The automatic quality interval: about 10 probes a run, at most one every 50 steps. */
class QualityAutoEveryTest {

    @Test
    void aboutTenProbesARunButNoMoreOftenThanEveryFiftySteps() {
        assertEquals(50, QualityProbe.autoEvery(1));
        assertEquals(50, QualityProbe.autoEvery(200), "a short demo still gets 4 measurements");
        assertEquals(50, QualityProbe.autoEvery(500));
        assertEquals(60, QualityProbe.autoEvery(510));
        assertEquals(200, QualityProbe.autoEvery(2000));
        assertEquals(500, QualityProbe.autoEvery(5000), "a long run keeps the former interval");
        assertEquals(1_000_000, QualityProbe.autoEvery(10_000_000));
    }
}
