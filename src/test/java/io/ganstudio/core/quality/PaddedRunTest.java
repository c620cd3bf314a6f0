package io.ganstudio.core.quality;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runs the classifier measures by their centre: the built-in images padded to a larger model. */
@OnBothEngines
class PaddedRunTest {

    private static GanConfig run(DataSpec.Kind kind, Fit fit, int size, int channels) {
        DataSpec data = new DataSpec(kind, kind == DataSpec.Kind.BUILT_IN ? null : "/images", 0, fit, 0);
        return new GanConfig(data, ModelConfig.dcgan(size, channels), TrainConfig.defaults());
    }

    @Test
    void builtInImagesPaddedTo32AreMeasuredByTheirCentre() {
        assertTrue(QualityEvaluator.padded(run(DataSpec.Kind.BUILT_IN, Fit.PAD, 32, 1)));
    }

    @Test
    void resizedSameSizeOrOtherDataAreNot() {
        assertFalse(QualityEvaluator.padded(run(DataSpec.Kind.BUILT_IN, Fit.RESIZE, 32, 1)), "enlarged, not padded");
        assertFalse(QualityEvaluator.padded(run(DataSpec.Kind.BUILT_IN, Fit.PAD, 28, 1)), "nothing to cut away");
        assertFalse(QualityEvaluator.padded(run(DataSpec.Kind.FOLDER, Fit.PAD, 32, 1)), "no classifier for folders");
        assertFalse(QualityEvaluator.builtIn(run(DataSpec.Kind.BUILT_IN, Fit.PAD, 32, 3)), "colour: not measured");
    }
}
