package io.ganstudio.core.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resize convolution is nearest 2x upsampling followed by a 3x3 convolution, run as one deconvolution. */
@OnBothEngines
class ResizeConvTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    /** Nearest 2x upsampling, then a 3x3 convolution (cross-correlation, zero padding 1), in plain Java. */
    private static float[] upsampleThenConvolve(float[] x, int in, int out, int side, float[] k3) {
        int big = 2 * side;
        float[] y = new float[out * big * big];
        for (int o = 0; o < out; o++) {
            for (int p = 0; p < big; p++) {
                for (int q = 0; q < big; q++) {
                    double sum = 0;
                    for (int c = 0; c < in; c++) {
                        for (int a = -1; a <= 1; a++) {
                            for (int b = -1; b <= 1; b++) {
                                int u = p + a;
                                int v = q + b;
                                if (u < 0 || v < 0 || u >= big || v >= big) {
                                    continue;
                                }
                                // The block's weight is (in, filters, 3, 3).
                                float w = k3[((c * out + o) * 3 + (a + 1)) * 3 + (b + 1)];
                                sum += w * x[(c * side + u / 2) * side + v / 2];
                            }
                        }
                    }
                    y[(o * big + p) * big + q] = (float) sum;
                }
            }
        }
        return y;
    }

    @Test
    void equalsNearestUpsamplingThenA3x3ConvolutionAndTrains() {
        int in = 16;
        int out = 8;
        int side = 5;
        Random r = new Random(7);
        float[] x = new float[in * side * side];
        float[] k = new float[in * out * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d block = new TransposedConv2d(out, 4, 2, 1, false, true);
            block.initialize(m, DataType.FLOAT32, new Shape(1, in, side, side));
            Parameter w = block.getParameters().get("weight");
            assertEquals(new Shape(in, out, 3, 3), w.getArray().getShape(), "it trains a 3x3 kernel");
            w.getArray().set(k);
            NDArray input = m.create(x, new Shape(1, in, side, side));
            ParameterStore store = new ParameterStore(m, false);
            float[] got = block.forward(store, new NDList(input), false).singletonOrThrow().toFloatArray();
            assertArrayEquals(upsampleThenConvolve(x, in, out, side, k), got, 1e-4f);

            // Training: the gradient of sum(y^2) reaches the 3x3 kernel as for upsampling, then a convolution.
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(store, new NDList(input), true).singletonOrThrow();
                gc.backward(y.square().sum());
            }
            block.passGradient();
            float[] grad = w.getArray().getGradient().toFloatArray();
            assertArrayEquals(kernelGradient(x, in, out, side, got), grad, 1e-2f);
        }
    }

    /** d sum(y^2) / dk for y = conv3x3(upsample(x)): 2 y[o, p, q] times the upsampled input under each tap. */
    private static float[] kernelGradient(float[] x, int in, int out, int side, float[] y) {
        int big = 2 * side;
        float[] g = new float[in * out * 9];
        for (int c = 0; c < in; c++) {
            for (int o = 0; o < out; o++) {
                for (int a = -1; a <= 1; a++) {
                    for (int b = -1; b <= 1; b++) {
                        double sum = 0;
                        for (int p = 0; p < big; p++) {
                            for (int q = 0; q < big; q++) {
                                int u = p + a;
                                int v = q + b;
                                if (u >= 0 && v >= 0 && u < big && v < big) {
                                    sum += 2 * y[(o * big + p) * big + q] * x[(c * side + u / 2) * side + v / 2];
                                }
                            }
                        }
                        g[((c * out + o) * 3 + (a + 1)) * 3 + (b + 1)] = (float) sum;
                    }
                }
            }
        }
        return g;
    }

    @Test
    void aFlatInputGivesAFlatOutputAwayFromTheBorder() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d block = new TransposedConv2d(1, 4, 2, 1, false, true);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 4, 6, 6));
            Random r = new Random(3);
            float[] k = new float[4 * 2 * 9];
            for (int i = 0; i < k.length; i++) {
                k[i] = (float) r.nextGaussian();
            }
            block.getParameters().get("weight").getArray().set(k);
            float[] y = block.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 4, 6, 6))), false)
                    .singletonOrThrow().toFloatArray();
            float centre = y[5 * 12 + 5];
            for (int p = 1; p < 11; p++) {
                for (int q = 1; q < 11; q++) {
                    assertEquals(centre, y[p * 12 + q], 1e-4f, "no checkerboard at " + p + "," + q);
                }
            }
        }
    }

    @Test
    void onlyTheShapeItEqualsIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new TransposedConv2d(8, 4, 1, 0, false, true));
    }
}
