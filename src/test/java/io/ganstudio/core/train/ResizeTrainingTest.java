package io.ganstudio.core.train;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.Dcgan;
import io.ganstudio.core.model.LayerSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.ModelStats;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generator with resize convolutions trains (its 3x3 kernels change), resumes exactly and is saved as such. */
@OnBothEngines
class ResizeTrainingTest {

    private static final ModelConfig RESIZE = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM)
            .withUpsampling(Upsampling.RESIZE_CONV);

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @Test
    void theLayersSayWhatTheyAre() {
        List<LayerSpec> g = Dcgan.generatorLayers(RESIZE);
        assertEquals(LayerSpec.Kind.TRANSPOSED_CONV, g.get(0).kind(), "the first layer makes 4x4 from z");
        for (LayerSpec l : g.subList(1, g.size())) {
            assertEquals(LayerSpec.Kind.RESIZE_CONV, l.kind());
            assertEquals(3, l.kernel());
            assertTrue(l.label().startsWith("Up x2 + Conv 3x3"), l.label());
        }
        ModelConfig plain = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM);
        assertTrue(ModelStats.of(RESIZE).generatorParameters() < ModelStats.of(plain).generatorParameters(),
                "3x3 kernels instead of 4x4");
        assertEquals(ModelStats.of(plain).discriminatorParameters(), ModelStats.of(RESIZE).discriminatorParameters());
    }

    @Test
    void trainsAndResumesBitExactly() throws Exception {
        ImageDataset data = TestData.rectangles(24, 16, 1, 4);
        TrainConfig cfg = TrainConfig.defaults().withBatchSize(8).withSteps(6).withSeed(9);
        List<StepMetrics> straight = new ArrayList<>();
        float[] straightSamples;
        Map<String, float[]> before;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(RESIZE, cfg, data, m)) {
            before = t.networks().exportWeights();
            for (int i = 0; i < 6; i++) {
                straight.add(t.step());
            }
            straightSamples = t.sampleFixedNoise();
            Map<String, float[]> after = t.networks().exportWeights();
            List<String> kernels = before.keySet().stream().filter(k -> k.startsWith("g.")
                    && before.get(k).length == 16 * 8 * 9).toList();
            assertFalse(kernels.isEmpty(), "a 3x3 kernel (16 -> 8 channels) is saved: " + before.keySet());
            for (String k : kernels) {
                assertFalse(Arrays.equals(before.get(k), after.get(k)), k + " trained");
            }
        }
        GanConfig config = new GanConfig(DataSpec.builtIn(), RESIZE, cfg);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(RESIZE, cfg, data, m)) {
            for (int i = 0; i < 2; i++) {
                t.step();
            }
            Checkpoints.write(dir, config, t.exportState(), 2);
        }
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(RESIZE, cfg, data, m)) {
            t.importState(Checkpoints.readLatest(dir).state());
            for (int i = 2; i < 6; i++) {
                StepMetrics r = t.step();
                assertEquals(straight.get(i).dLoss(), r.dLoss(), 0.0, "D loss at step " + (i + 1));
                assertEquals(straight.get(i).gLoss(), r.gLoss(), 0.0, "G loss at step " + (i + 1));
            }
            assertArrayEquals(straightSamples, t.sampleFixedNoise(), 0f);
        }
        assertFalse(Float.isNaN(straightSamples[0]));
        GanConfig back = GanJson.compact().fromJson(GanJson.compact().toJson(config), GanConfig.class);
        assertEquals(Upsampling.RESIZE_CONV, back.model().upsampling());
    }

    @Test
    void twoDiscriminatorStepsAndAConditionalGeneratorTrainToo() {
        TrainConfig d = TrainConfig.defaults().withBatchSize(8).withSeed(5);
        TrainConfig twoD = new TrainConfig(d.loss(), d.labelSmoothing(), d.generatorOptimizer(),
                d.discriminatorOptimizer(), 2, d.batchSize(), d.seed(), 3, d.sampleEvery(), d.checkpointEvery(),
                d.keepCheckpoints(), d.gridSize(), d.emaDecay(), d.augment());
        ImageDataset data = TestData.rectangles(24, 16, 1, 4);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(RESIZE, twoD, data, m)) {
            for (int i = 0; i < 3; i++) {
                assertTrue(Float.isFinite((float) t.step().gLoss()));
            }
        }
        int[] labels = new int[24];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        ImageDataset labelled = new ImageDataset(24, 16, 1, data.pixels(), labels, List.of("a", "b"));
        ModelConfig conditional = RESIZE.withClasses(List.of("a", "b"));
        try (NDManager m = NDManager.newBaseManager();
             GanTrainer t = new GanTrainer(conditional, d.withSteps(3), labelled, m)) {
            Map<String, float[]> before = t.networks().exportWeights();
            for (int i = 0; i < 3; i++) {
                assertTrue(Float.isFinite((float) t.step().gLoss()));
            }
            Map<String, float[]> after = t.networks().exportWeights();
            long trained = before.keySet().stream().filter(k -> k.startsWith("g.") && before.get(k).length % 9 == 0
                    && !Arrays.equals(before.get(k), after.get(k))).count();
            assertTrue(trained >= 2, "the conditional generator's 3x3 kernels train: " + trained);
        }
    }
}
