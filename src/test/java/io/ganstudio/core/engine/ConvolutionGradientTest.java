package io.ganstudio.core.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import io.ganstudio.OnBothEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A convolution's input gradient is the exact one whatever its number of output channels. On PyTorch 2.7.1 with
 * oneDNN's AVX-512 kernels, outputs of 1, 3 or 8 channels got a wrong one (off by as much as the gradient itself):
 * the discriminator's last layer, through which every generator gradient passes, has one.
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
                    NDArray y = PortableOps.conv2d(x, w, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1));
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

    @Test
    void theBlockNamesItsParametersAsDjlsConv2dDoes() {
        SequentialBlock b = new SequentialBlock();
        b.add(new Conv2d(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2)));
        try (NDManager m = NDManager.newBaseManager()) {
            b.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 5, 5));
            assertEquals("01Conv2d_weight", b.getParameters().get(0).getKey());
        }
    }
}
