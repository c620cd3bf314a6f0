package io.ganstudio.core.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import io.ganstudio.OnBothEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A convolution's input gradient is the exact one whatever its number of output channels, with the CPU's own kernels
 * on both engines: the discriminator's last layer has one output channel, and every generator gradient passes
 * through it.
 */
@OnBothEngines
class ConvolutionGradientTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    private static float[] random(Random r, int n, float scale) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) r.nextGaussian() * scale;
        }
        return f;
    }

    @Test
    void theInputGradientOfAConvolutionToOnePixelIsAMatrixProduct() {
        Random r = new Random(5);
        int n = 8;
        int in = 16;
        for (int out : new int[] {1, 3, 8, 16}) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(random(r, n * in * 16, 1f), new Shape(n, in, 4, 4));
                float[] wv = random(r, out * in * 16, 0.1f);
                NDArray w = m.create(wv, new Shape(out, in, 4, 4));
                float[] cv = random(r, n * out, 1f);
                NDArray c = m.create(cv, new Shape(n, out, 1, 1));
                x.setRequiresGradient(true);
                w.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1))
                            .singletonOrThrow();
                    assertEquals(new Shape(n, out, 1, 1), y.getShape());
                    gc.backward(y.mul(c).sum());
                }
                float[] gx = x.getGradient().toFloatArray();
                double worst = 0;
                for (int b = 0; b < n; b++) {
                    for (int k = 0; k < in * 16; k++) {
                        double exact = 0;
                        for (int o = 0; o < out; o++) {
                            exact += cv[b * out + o] * wv[o * in * 16 + k];
                        }
                        worst = Math.max(worst, Math.abs(exact - gx[b * in * 16 + k]));
                    }
                }
                assertTrue(worst < 1e-4, out + " output channels: input gradient off by " + worst);
            }
        }
    }
}
