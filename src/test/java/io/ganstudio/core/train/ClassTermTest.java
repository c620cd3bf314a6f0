package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The class term: cross-entropy of the projection head's class logits. */
@OnBothEngines
class ClassTermTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @Test
    void crossEntropyByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0, 0, 0, 2, 0, 0}, new Shape(2, 3));
            // Row 1: uniform, -log(1/3). Row 2: class 0 has e^2 / (e^2 + 2).
            double row1 = Math.log(3);
            double row2 = -Math.log(Math.exp(2) / (Math.exp(2) + 2));
            assertEquals((row1 + row2) / 2, ClassTerm.crossEntropy(logits, new int[] {1, 0}).getFloat(), 1e-5);
        }
    }

    @Test
    void crossEntropyToUniformByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Uniform logits: log 3. Logits (2, 0, 0): -(1/3) sum log p = -(1/3)(log p0 + 2 log p1).
            NDArray logits = m.create(new float[] {0, 0, 0, 2, 0, 0}, new Shape(2, 3));
            double z = Math.exp(2) + 2;
            double row2 = -(Math.log(Math.exp(2) / z) + 2 * Math.log(1 / z)) / 3;
            assertEquals((Math.log(3) + row2) / 2, ClassTerm.crossEntropyToUniform(logits).getFloat(), 1e-5);
        }
    }

    @Test
    void theClassLogitsAreWhatTheProjectionAddsForEachClass() {
        ModelConfig model = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM)
                .withClasses(List.of("a", "b", "c"));
        try (NDManager m = NDManager.newBaseManager(); GanNetworks n = new GanNetworks(model, m, 4)) {
            Random r = new Random(1);
            float[] x = new float[2 * 16 * 16];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray images = m.create(x, new Shape(2, 1, 16, 16));
            NDList asA = n.discriminateWithClasses(images, new int[] {0, 0}, false);
            float[] logitA = asA.get(0).toFloatArray();
            float[] classLogits = asA.get(1).toFloatArray();
            for (int c = 1; c < 3; c++) {
                float[] logitC = n.discriminate(images, new int[] {c, c}, false).toFloatArray();
                for (int i = 0; i < 2; i++) {
                    assertEquals(classLogits[i * 3 + c] - classLogits[i * 3], logitC[i] - logitA[i], 1e-4,
                            "image " + i + ", class " + c);
                }
            }
        }
    }
}
