package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three losses against values computed by hand from their definitions (not from the implementation's formula). */
@OnBothEngines
class GanLossHandTest {

    private static final float[] REAL = {-2f, -0.5f, 0.3f, 3f};
    private static final float[] FAKE = {1.5f, -1f, 0f, -3f};

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Cross-entropy of probability p against target t: -(t log p + (1 - t) log(1 - p)). */
    private static double crossEntropy(double p, double t) {
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    }

    private static double[] losses(LossKind kind, float smoothing) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray r = m.create(REAL);
            NDArray f = m.create(FAKE);
            GanLoss loss = new GanLoss(kind, smoothing);
            return new double[] {loss.discriminator(r, f).getFloat(), loss.generator(f).getFloat()};
        }
    }

    @Test
    void bceWithAndWithoutLabelSmoothing() {
        for (float smoothing : new float[] {0f, 0.1f}) {
            double d = 0;
            double g = 0;
            for (int i = 0; i < 4; i++) {
                d += crossEntropy(sigmoid(REAL[i]), 1 - smoothing) / 4 + crossEntropy(sigmoid(FAKE[i]), 0) / 4;
                g += crossEntropy(sigmoid(FAKE[i]), 1) / 4;
            }
            double[] got = losses(LossKind.BCE, smoothing);
            assertEquals(d, got[0], 1e-5, "D loss, smoothing " + smoothing);
            assertEquals(g, got[1], 1e-5, "G loss");
        }
        // Worked by hand for one value: real logit 0 with target 0.9 costs -0.9 ln 0.5 - 0.1 ln 0.5 = ln 2.
        assertEquals(Math.log(2), crossEntropy(sigmoid(0), 0.9), 1e-12);
    }

    @Test
    void lsganWithLabelSmoothing() {
        // D: 1/2 [mean (D(x) - 0.9)^2 + mean D(G(z))^2]; G: 1/2 mean (D(G(z)) - 1)^2.
        double realPart = (Math.pow(-2 - 0.9, 2) + Math.pow(-0.5 - 0.9, 2) + Math.pow(0.3 - 0.9, 2)
                + Math.pow(3 - 0.9, 2)) / 4;
        double fakePart = (1.5 * 1.5 + 1 + 0 + 9) / 4;
        double g = (Math.pow(0.5, 2) + Math.pow(-2, 2) + 1 + 16) / 4 / 2;
        double[] got = losses(LossKind.LSGAN, 0.1f);
        assertEquals((realPart + fakePart) / 2, got[0], 1e-5);
        assertEquals(g, got[1], 1e-5);
    }

    @Test
    void hinge() {
        // D: mean max(0, 1 - D(x)) + mean max(0, 1 + D(G(z))) = (3 + 1.5 + 0.7 + 0)/4 + (2.5 + 0 + 1 + 0)/4
        // G: -mean D(G(z)) = -(1.5 - 1 + 0 - 3)/4 = 0.625
        double[] got = losses(LossKind.HINGE, 0f);
        assertEquals(5.2 / 4 + 3.5 / 4, got[0], 1e-5);
        assertEquals(0.625, got[1], 1e-6);
    }
}
