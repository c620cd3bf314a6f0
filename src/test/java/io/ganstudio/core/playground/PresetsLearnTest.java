package io.ganstudio.core.playground;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default settings learn every preset: within the default number of steps the JS divergence between the real
 * and the generated densities falls below half its starting value (checked every 100 steps, as a class watching the
 * chart would see it), and it ends well below where it started. Headless and fast: a few seconds per preset.
 */
class PresetsLearnTest {

    @ParameterizedTest
    @EnumSource(Preset.class)
    void jsFallsWellBelowItsStartWithTheDefaults(Preset preset) {
        PlaygroundConfig c = PlaygroundConfig.defaults();
        PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(preset, c.seed()));
        double start = gan.js();
        double lowest = start;
        for (int i = 1; i <= PlaygroundConfig.DEFAULT_STEPS; i++) {
            gan.trainStep();
            if (i % 100 == 0) {
                lowest = Math.min(lowest, gan.js());
            }
        }
        double end = gan.js();
        String figures = String.format("%s: JS %.3f at step 0, lowest %.3f, %.3f at step %d", preset, start, lowest,
                end, PlaygroundConfig.DEFAULT_STEPS);
        System.out.println(figures);
        assertTrue(lowest < 0.5 * start, figures);
        assertTrue(end < 0.9 * start, figures);
    }
}
