package io.ganstudio.ui.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmaTest {

    @Test
    void biasCorrectedSoTheFirstPointIsTheValueItself() {
        Ema ema = new Ema(0.9);
        assertEquals(4.0, ema.next(4.0), 1e-12);
        assertEquals(4.0, ema.next(4.0), 1e-12, "a constant stays constant");
        assertEquals(2.0, new Ema(0).next(2.0), 1e-12);
    }

    @Test
    void nanPassesThroughWithoutPoisoningLaterValues() {
        Ema ema = new Ema(0.5);
        ema.next(1);
        assertEquals(Double.NaN, ema.next(Double.NaN));
        assertEquals(1.0, ema.next(1), 1e-12);
    }
}
