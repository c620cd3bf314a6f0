package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.text.Decimals;
import io.ganstudio.core.train.TrainConfig;

import java.util.function.BiFunction;

/** The numeric settings typed on the Model screen, with how each is read from the configs it belongs to. */
public enum NumberField {
    LATENT_SIZE(Type.INT, (m, t) -> m.latentSize()),
    GENERATOR_WIDTH(Type.INT, (m, t) -> m.generatorWidth()),
    DISCRIMINATOR_WIDTH(Type.INT, (m, t) -> m.discriminatorWidth()),
    LABEL_SMOOTHING(Type.FLOAT, (m, t) -> t.labelSmoothing()),
    GENERATOR_LR(Type.FLOAT, (m, t) -> t.generatorOptimizer().learningRate()),
    GENERATOR_BETA1(Type.FLOAT, (m, t) -> t.generatorOptimizer().beta1()),
    GENERATOR_BETA2(Type.FLOAT, (m, t) -> t.generatorOptimizer().beta2()),
    DISCRIMINATOR_LR(Type.FLOAT, (m, t) -> t.discriminatorOptimizer().learningRate()),
    DISCRIMINATOR_BETA1(Type.FLOAT, (m, t) -> t.discriminatorOptimizer().beta1()),
    DISCRIMINATOR_BETA2(Type.FLOAT, (m, t) -> t.discriminatorOptimizer().beta2()),
    DISCRIMINATOR_STEPS(Type.INT, (m, t) -> t.discriminatorSteps()),
    BATCH_SIZE(Type.INT, (m, t) -> t.batchSize()),
    SEED(Type.LONG, (m, t) -> t.seed()),
    STEPS(Type.LONG, (m, t) -> t.steps()),
    SAMPLE_EVERY(Type.INT, (m, t) -> t.sampleEvery()),
    CHECKPOINT_EVERY(Type.INT, (m, t) -> t.checkpointEvery()),
    KEEP_CHECKPOINTS(Type.INT, (m, t) -> t.keepCheckpoints()),
    GRID_SIZE(Type.INT, (m, t) -> t.gridSize()),
    EMA_DECAY(Type.FLOAT, (m, t) -> t.emaDecay());

    public enum Type { INT, LONG, FLOAT }

    private final Type type;
    private final BiFunction<ModelConfig, TrainConfig, Number> reader;

    NumberField(Type type, BiFunction<ModelConfig, TrainConfig, Number> reader) {
        this.type = type;
        this.reader = reader;
    }

    public Type type() {
        return type;
    }

    /** Resource key of the field's label, e.g. field.latentSize. */
    public String labelKey() {
        StringBuilder sb = new StringBuilder("field.");
        boolean upper = false;
        for (char c : name().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The value as the form shows it: 0.0002, not 2.0E-4. */
    public String format(ModelConfig m, TrainConfig t) {
        Number n = reader.apply(m, t);
        if (type == Type.FLOAT) {
            return Decimals.plain(n.floatValue());
        }
        return n.toString();
    }

    /** Parses typed text; throws NumberFormatException for text that is no number of this type. */
    public Number parse(String text) {
        String s = text == null ? "" : text.trim();
        return switch (type) {
            case INT -> Integer.parseInt(s);
            case LONG -> Long.parseLong(s);
            case FLOAT -> {
                float f = Float.parseFloat(s);
                if (!Float.isFinite(f)) {
                    throw new NumberFormatException(s);
                }
                yield f;
            }
        };
    }
}
