package io.ganstudio.core.train;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.GanConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small configurations and synthetic trainer states for I/O tests that need no engine. */
public final class TestStates {

    private TestStates() {
    }

    public static GanConfig tinyConfig() {
        return new GanConfig(DataSpec.folder("/data/faces 顔"), new ModelConfig(16, 1, 8, 8, 8,
                Normalization.BATCH_NORM), TrainConfig.defaults().withBatchSize(4).withSeed(42));
    }

    public static TrainerState state(long step, long seed) {
        Rng rng = new Rng(seed);
        rng.nextGaussian(); // leaves a cached spare normal, so the state's NaN-or-not case is exercised
        return new TrainerState(step, step * 2 + 1, step * 0.125 + 1e-9, rng.state(), step, step * 2,
                arrays(rng, "g.", "d."), arrays(rng, "g.a"), arrays(rng, "d.a"));
    }

    private static Map<String, float[]> arrays(Rng rng, String... prefixes) {
        Map<String, float[]> m = new LinkedHashMap<>();
        int n = 0;
        for (String prefix : prefixes) {
            for (int i = 0; i < 3; i++) {
                float[] v = new float[1 + (n++ * 7919) % 40000];
                rng.fillGaussian(v, 0f, 1f);
                m.put(prefix + "layer" + i + ".weight", v);
            }
        }
        return m;
    }
}
