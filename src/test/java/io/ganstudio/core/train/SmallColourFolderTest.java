package io.ganstudio.core.train;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallColourFolderTest {

    @Test
    void aFewHundredColourImagesAt64AreASmallColourFolderAndNothingElseIs() {
        assertTrue(SmallColourFolder.applies(248, 3, 64));
        assertTrue(SmallColourFolder.applies(2000, 3, 128));
        assertFalse(SmallColourFolder.applies(2001, 3, 64), "a larger folder");
        assertFalse(SmallColourFolder.applies(248, 1, 64), "grayscale");
        assertFalse(SmallColourFolder.applies(248, 3, 32), "smaller images");
        assertFalse(SmallColourFolder.applies(0, 3, 64), "no data");
    }

    @Test
    void narrowingChangesTheWidthsOnly() {
        ModelConfig m = new ModelConfig(64, 3, 100, 64, 64, Normalization.BATCH_NORM)
                .withUpsampling(Upsampling.RESIZE_CONV);
        ModelConfig n = SmallColourFolder.narrowed(m);
        assertEquals(SmallColourFolder.WIDTH, n.generatorWidth());
        assertEquals(SmallColourFolder.WIDTH, n.discriminatorWidth());
        assertEquals(m, n.withWidths(64, 64));
    }

    @Test
    void itsTrainingChangesTheLearningRatesAndTheAverageOnly() {
        TrainConfig d = TrainConfig.defaults();
        TrainConfig t = SmallColourFolder.trained(d);
        assertEquals(SmallColourFolder.LEARNING_RATE, t.generatorOptimizer().learningRate());
        assertEquals(SmallColourFolder.LEARNING_RATE, t.discriminatorOptimizer().learningRate());
        assertEquals(SmallColourFolder.EMA_DECAY, t.emaDecay());
        assertEquals(d, t.withOptimizers(d.generatorOptimizer(), d.discriminatorOptimizer()).withEmaDecay(0f));
    }
}
