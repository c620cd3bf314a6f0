package io.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two Adam updates against the textbook algorithm (Kingma and Ba), bias correction included, computed by hand. */
@OnBothEngines
class AdamHandTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @Test
    void twoUpdatesMatchTheTextbookAlgorithm() {
        float lr = 0.01f;
        float b1 = 0.9f;
        float b2 = 0.999f;
        double eps = 1e-8;
        float[] w0 = {0.5f, -1f, 2f};
        float[][] inputs = {{1f, 2f, -3f}, {-0.5f, 4f, 0.25f}}; // loss = sum(w . x): the gradient is x
        try (NDManager m = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            Parameter w = layer.getParameters().get(0).getValue();
            w.getArray().set(w0);
            ParameterStore store = new ParameterStore(m, false);
            try (AdamOptimizer adam = new AdamOptimizer(m, layer.getParameters(), lr, b1, b2)) {
                double[] expectW = {w0[0], w0[1], w0[2]};
                double[] mom = new double[3];
                double[] vel = new double[3];
                for (int t = 1; t <= 2; t++) {
                    float[] x = inputs[t - 1];
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = layer.forward(store, new NDList(m.create(x, new Shape(1, 3))), true)
                                .singletonOrThrow();
                        gc.backward(out.sum());
                    }
                    adam.update();
                    for (int i = 0; i < 3; i++) {
                        mom[i] = b1 * mom[i] + (1 - b1) * x[i];
                        vel[i] = b2 * vel[i] + (1 - b2) * x[i] * x[i];
                        double mHat = mom[i] / (1 - Math.pow(b1, t));
                        double vHat = vel[i] / (1 - Math.pow(b2, t));
                        expectW[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                    float[] got = w.getArray().toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(expectW[i], got[i], 2e-6, "weight " + i + " after update " + t);
                    }
                }
                assertEquals(2, adam.step());
                float[] m1 = adam.exportState().values().iterator().next();
                for (int i = 0; i < 3; i++) {
                    assertEquals(mom[i], m1[i], 1e-6, "first moment " + i);
                }
            }
        }
    }
}
