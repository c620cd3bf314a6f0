package io.ganstudio.core.random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RngTest {

    @Test
    void restoredStateContinuesTheSameSequenceIncludingTheSpareNormal() {
        Rng a = new Rng(9);
        a.nextGaussian(); // leaves a spare normal in the state
        Rng.State s = a.state();
        double[] expected = {a.nextGaussian(), a.nextGaussian(), a.nextDouble()};
        Rng b = new Rng(0);
        b.restore(s);
        assertEquals(expected[0], b.nextGaussian(), 0.0);
        assertEquals(expected[1], b.nextGaussian(), 0.0);
        assertEquals(expected[2], b.nextDouble(), 0.0);
    }

    @Test
    void normalsHaveUnitVarianceAndDerivedStreamsDiffer() {
        Rng r = new Rng(1);
        double sum = 0;
        double sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(1.0, sq / n, 0.01);
        assertNotEquals(Rng.derive(1, 2).nextLong(), Rng.derive(1, 3).nextLong());
    }
}
