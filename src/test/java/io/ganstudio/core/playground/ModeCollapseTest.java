package io.ganstudio.core.playground;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings offered to show mode collapse do show it: on the two Gaussians their JS divergence ends far above
 * what the defaults reach (0.12 at step 10,000 with seed 1), and a penalty outside 0-10 is refused.
 */
class ModeCollapseTest {

    @Test
    void theModeCollapseSettingsDoNotLearnTheTwoGaussians() {
        PlaygroundConfig c = PlaygroundConfig.modeCollapse();
        PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(Preset.GAUSSIANS, c.seed()));
        for (int i = 1; i <= 10_000; i++) {
            gan.trainStep();
        }
        double js = gan.js();
        assertTrue(js >= 0.45, "JS at step 10,000: " + js);
    }

    @Test
    void aPenaltyOutsideItsRangeIsRefused() {
        PlaygroundConfig d = PlaygroundConfig.defaults();
        assertTrue(d.problems().isEmpty());
        for (double bad : new double[] {-0.1, 10.5, Double.NaN}) {
            PlaygroundConfig c = new PlaygroundConfig(d.gLayers(), d.gNeurons(), d.dLayers(), d.dNeurons(),
                    d.noiseDim(), d.noise(), d.loss(), d.dOptimizer(), d.dLearningRate(), d.gOptimizer(),
                    d.gLearningRate(), d.dSteps(), d.gSteps(), d.seed(), bad);
            assertFalse(c.problems().isEmpty(), "penalty " + bad);
        }
    }
}
