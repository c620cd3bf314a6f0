package io.ganstudio.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelStatsTest {

    @Test
    void dcgan64MatchesThePublishedParameterCounts() {
        // The DCGAN reference implementation (pytorch/examples) has 3,576,704 G and 2,765,568 D parameters.
        ModelStats s = ModelStats.of(ModelConfig.dcgan(64, 3));
        assertEquals(3_576_704L, s.generatorParameters());
        assertEquals(2_765_568L, s.discriminatorParameters());
    }

    @Test
    void flopsCountOneMultiplyAddPerWeightPerPixel() {
        // Smallest case by hand: 16x16 grayscale, latent 2, widths 1.
        ModelConfig c = new ModelConfig(16, 1, 2, 1, 1, Normalization.NONE);
        // G: 2->2 ch, k4, 1x1 input => 2*2*16 MACs; 2->1, 4x4 input => 2*1*16*16; 1->1, 8x8 input => 1*1*16*64
        long gMacs = 2 * 2 * 16 + 2 * 1 * 16 * 16 + 1 * 1 * 16 * 64;
        long gAct = 2 * 4 * 4 + 1 * 8 * 8 + 1 * 16 * 16;
        assertEquals(2 * gMacs + gAct, ModelStats.of(c).generatorFlops());
        assertEquals(3.0 * 10 * ModelStats.of(c).generatorFlops() + 9.0 * 10 * ModelStats.of(c).discriminatorFlops(),
                ModelStats.of(c).stepFlops(10, 1), 1e-6);
    }
}
