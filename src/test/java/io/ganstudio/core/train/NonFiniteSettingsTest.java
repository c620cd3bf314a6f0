package io.ganstudio.core.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every numeric training setting refuses NaN and both infinities, with a message that names it. */
class NonFiniteSettingsTest {

    private static final TrainConfig OK = TrainConfig.defaults();

    private static TrainConfig with(float smoothing, TrainConfig.AdamSettings g, TrainConfig.AdamSettings d) {
        return new TrainConfig(OK.loss(), smoothing, g, d, OK.discriminatorSteps(), OK.batchSize(), OK.seed(),
                OK.steps(), OK.sampleEvery(), OK.checkpointEvery(), OK.keepCheckpoints(), OK.gridSize());
    }

    @Test
    void nanAndInfinityAreRefusedEverywhere() {
        TrainConfig.AdamSettings a = TrainConfig.AdamSettings.DCGAN;
        List<Function<Float, TrainConfig>> settings = List.of(
                x -> with(x, a, a),
                x -> with(0f, new TrainConfig.AdamSettings(x, a.beta1(), a.beta2()), a),
                x -> with(0f, new TrainConfig.AdamSettings(a.learningRate(), x, a.beta2()), a),
                x -> with(0f, new TrainConfig.AdamSettings(a.learningRate(), a.beta1(), x), a),
                x -> with(0f, a, new TrainConfig.AdamSettings(x, a.beta1(), a.beta2())),
                x -> with(0f, a, new TrainConfig.AdamSettings(a.learningRate(), x, a.beta2())),
                x -> with(0f, a, new TrainConfig.AdamSettings(a.learningRate(), a.beta1(), x)));
        assertEquals(List.of(), with(0f, a, a).problems());
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int i = 0; i < settings.size(); i++) {
                List<String> p = settings.get(i).apply(bad).problems();
                assertEquals(1, p.size(), "setting " + i + " = " + bad + ": " + p);
                assertTrue(p.get(0).contains(String.valueOf(bad)), p.get(0));
                assertEquals(1, settings.get(i).apply(bad).problems(Locale.JAPANESE).size());
            }
        }
    }
}
