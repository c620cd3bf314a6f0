package io.ganstudio.ui.harness;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;

/** Small configurations on the built-in dataset for tests, screenshots and manual runs. */
public final class Configs {

    private Configs() {
    }

    public static GanConfig builtIn(int size, int width, int batch, long steps, int sampleEvery) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, batch, 7L, steps, sampleEvery, Math.max(sampleEvery, 10), 2, 16);
        return new GanConfig(DataSpec.builtIn(), new ModelConfig(size, 1, 32, width, width,
                Normalization.BATCH_NORM), t);
    }

    /** The tiny configuration the UI tests train: a step takes milliseconds. */
    public static GanConfig tiny(long steps) {
        return builtIn(16, 4, 4, steps, 2);
    }
}
