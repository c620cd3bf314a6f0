package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;

import java.util.Map;

/** Builds the core config records from the parsed form values. */
public final class ConfigAssembly {

    private ConfigAssembly() {
    }

    static ModelConfig model(Integer imageSize, Integer channels, Normalization normalization, boolean spectralNorm,
                             Map<NumberField, Number> v) {
        int side = imageSize == null ? 0 : imageSize;
        return new ModelConfig(side, channels == null ? 0 : channels,
                i(v, NumberField.LATENT_SIZE), i(v, NumberField.GENERATOR_WIDTH), i(v, NumberField.DISCRIMINATOR_WIDTH),
                normalization, ModelConfig.recommendedNetworkSize(side), spectralNorm);
    }

    public static TrainConfig train(LossKind loss, Augment augment, Map<NumberField, Number> v) {
        return new TrainConfig(loss, f(v, NumberField.LABEL_SMOOTHING),
                new TrainConfig.AdamSettings(f(v, NumberField.GENERATOR_LR), f(v, NumberField.GENERATOR_BETA1),
                        f(v, NumberField.GENERATOR_BETA2)),
                new TrainConfig.AdamSettings(f(v, NumberField.DISCRIMINATOR_LR), f(v, NumberField.DISCRIMINATOR_BETA1),
                        f(v, NumberField.DISCRIMINATOR_BETA2)),
                i(v, NumberField.DISCRIMINATOR_STEPS), i(v, NumberField.BATCH_SIZE), v.get(NumberField.SEED).longValue(),
                v.get(NumberField.STEPS).longValue(), i(v, NumberField.SAMPLE_EVERY), i(v, NumberField.CHECKPOINT_EVERY),
                i(v, NumberField.KEEP_CHECKPOINTS), i(v, NumberField.GRID_SIZE), f(v, NumberField.EMA_DECAY), augment);
    }

    private static int i(Map<NumberField, Number> v, NumberField f) {
        return v.get(f).intValue();
    }

    private static float f(Map<NumberField, Number> v, NumberField f) {
        return v.get(f).floatValue();
    }
}
