package io.ganstudio.core.train;

import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.Dcgan;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A config.json written before fit, limit, network size, SN, the generator average and augmentation existed. */
class OldConfigTest {

    private static final String OLD = """
            {"data": {"kind": "BUILT_IN", "background": 16777215},
             "model": {"imageSize": 28, "channels": 1, "latentSize": 100, "generatorWidth": 64,
                       "discriminatorWidth": 64, "normalization": "BATCH_NORM"},
             "train": {"loss": "BCE", "labelSmoothing": 0.0,
                       "generatorOptimizer": {"learningRate": 2.0E-4, "beta1": 0.5, "beta2": 0.999},
                       "discriminatorOptimizer": {"learningRate": 2.0E-4, "beta1": 0.5, "beta2": 0.999},
                       "discriminatorSteps": 1, "batchSize": 64, "seed": 1, "steps": 2000, "sampleEvery": 50,
                       "checkpointEvery": 500, "keepCheckpoints": 3, "gridSize": 64}}""";

    @Test
    void loadsAsTheRunItWas() {
        GanConfig c = GanJson.compact().fromJson(OLD, GanConfig.class);
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        assertEquals(Fit.RESIZE, c.data().fit());
        assertEquals(0, c.data().limit());
        // Its checkpoints hold the three-layer 7 -> 14 -> 28 networks, so those are what it rebuilds.
        assertEquals(28, c.model().networkSize());
        assertEquals(7, Dcgan.generatorLayers(c.model()).get(0).outSize());
        assertFalse(c.model().spectralNorm());
        assertFalse(c.model().conditional(), "written before conditional models existed");
        assertEquals(0, c.model().classCount());
        assertEquals(Upsampling.TRANSPOSED_CONV, c.model().upsampling(), "written before resize convolutions");
        assertEquals(0f, c.train().emaDecay());
        assertEquals(Augment.OFF, c.train().augment());
    }

    @Test
    void aNew28ModelUsesThe32Networks() {
        ModelConfig m = ModelConfig.dcgan(28, 1);
        assertEquals(32, m.networkSize());
        assertEquals(2, m.networkMargin());
        assertEquals(32, Dcgan.generatorLayers(m).get(Dcgan.generatorLayers(m).size() - 1).outSize());
        ModelConfig roundTrip = GanJson.compact().fromJson(GanJson.compact().toJson(m), ModelConfig.class);
        assertEquals(m, roundTrip);
    }

    @Test
    void impossibleNetworkSizesAreRefused() {
        assertFalse(ModelConfig.dcgan(28, 1).withNetworkSize(31).problems().isEmpty());
        assertFalse(ModelConfig.dcgan(32, 1).withNetworkSize(16).problems().isEmpty());
        assertFalse(ModelConfig.dcgan(28, 1).withNetworkSize(28 + 3).problems().isEmpty(), "odd margin");
        assertTrue(ModelConfig.dcgan(28, 1).withNetworkSize(28).problems().isEmpty(), "the old networks");
    }
}
