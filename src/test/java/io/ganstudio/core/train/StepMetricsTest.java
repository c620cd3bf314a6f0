package io.ganstudio.core.train;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepMetricsTest {

    private static StepMetrics m(double d, double g) {
        return new StepMetrics(5, 1, d, g, 0.5, 0.5, 100);
    }

    @Test
    void divergenceNamesWhatWentWrong() {
        assertNull(m(1.2, 3.4).divergence());
        assertNull(m(0, 50).divergence(), "a discriminator that wins is not divergence");
        assertTrue(m(Double.NaN, 1).divergence().english().contains("a loss became NaN"));
        assertTrue(m(1, Double.POSITIVE_INFINITY).divergence().english().contains("infinite"));
        assertEquals("Training diverged at step 5: the losses exploded (D loss 2.00e+06, G loss 1.00).",
                m(2e6, 1).divergence().english());
        assertTrue(m(1, -3e6).divergence().english().contains("exploded"));
        assertTrue(m(Double.NaN, 1).divergence().text(Locale.JAPANESE).contains("発散"));
    }
}
