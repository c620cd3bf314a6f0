package io.ganstudio.core.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without batch norm every layer has a bias; with it none does (the reference DCGAN). */
@OnBothEngines
class NormNoneBiasTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    private static long biases(Block b) {
        return b.getParameters().stream().filter(p -> p.getValue().getType() == Parameter.Type.BIAS)
                .mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    private static long count(Block b) {
        return b.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    @Test
    void everyLayerHasABiasOnlyWithoutBatchNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig none = new ModelConfig(32, 3, 16, 8, 8, Normalization.NONE);
            try (GanNetworks n = new GanNetworks(none, m, 1)) {
                // G: 32 + 16 + 8 + 3 output channels; D: 8 + 16 + 32 + 1.
                assertEquals(32 + 16 + 8 + 3, biases(n.generator()));
                assertEquals(8 + 16 + 32 + 1, biases(n.discriminator()));
                ModelStats stats = ModelStats.of(none);
                assertEquals(stats.generatorParameters(), count(n.generator()), "the statistics count the biases");
                assertEquals(stats.discriminatorParameters(), count(n.discriminator()));
            }
            try (GanNetworks n = new GanNetworks(none.withSpectralNorm(true), m, 1)) {
                assertEquals(8 + 16 + 32 + 1, biases(n.discriminator()), "spectrally normalised layers too");
            }
            ModelConfig bn = new ModelConfig(32, 3, 16, 8, 8, Normalization.BATCH_NORM);
            try (GanNetworks n = new GanNetworks(bn, m, 1)) {
                assertEquals(0, biases(n.generator()));
                assertEquals(0, biases(n.discriminator()));
            }
        }
    }

    @Test
    void withoutBatchNormGOfZeroIsNotAFlatImage() {
        // Without biases every layer maps 0 to 0, so G(0) = tanh(0) = 0 everywhere, however long it trains.
        ModelConfig none = new ModelConfig(16, 1, 8, 8, 8, Normalization.NONE);
        TrainConfig t = TrainConfig.defaults().withBatchSize(8).withSteps(5).withSeed(3);
        try (NDManager m = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(none, t, TestData.rectangles(32, 16, 1, 2), m)) {
            for (int i = 0; i < 5; i++) {
                trainer.step();
            }
            float[] image = trainer.networks().sample(new float[8], 1);
            double mean = 0;
            for (float v : image) {
                mean += v / image.length;
            }
            double spread = 0;
            for (float v : image) {
                spread = Math.max(spread, Math.abs(v - mean));
            }
            assertTrue(spread > 1e-5, "G(0) is flat: every pixel within " + spread + " of " + mean);
        }
    }
}
