package io.ganstudio.core.train;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-conditional GAN: the class changes the image, training resumes exactly, bad data is refused. */
@OnBothEngines
class ConditionalGanTest {

    private static final List<String> CLASSES = List.of("circle", "square", "star");
    private static final ModelConfig TINY = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM, 16, true)
            .withClasses(CLASSES);

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    /** Noise images with labels 0, 1, 2, 0, ... */
    private static ImageDataset labelled(int count, List<String> names) {
        ImageDataset d = TestData.noise(count, 16, 1, 5);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % names.size();
        }
        return new ImageDataset(count, 16, 1, d.pixels(), labels, names);
    }

    @Test
    void theClassEmbeddingChangesTheImage() {
        try (NDManager m = NDManager.newBaseManager(); GanNetworks n = new GanNetworks(TINY, m, 3)) {
            float[] z = new float[2 * 16];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) Math.sin(i); // the same z twice
            }
            System.arraycopy(z, 0, z, 16, 16);
            float[] sameClass = n.sample(z, new int[] {1, 1}, 2);
            float[] twoClasses = n.sample(z, new int[] {0, 2}, 2);
            int image = 16 * 16;
            assertArrayEquals(Arrays.copyOfRange(sameClass, 0, image), Arrays.copyOfRange(sameClass, image,
                    2 * image), 1e-6f, "same z, same class: same image");
            float[] otherZ = z.clone();
            for (int i = 16; i < 32; i++) {
                otherZ[i] = (float) Math.cos(3 * i);
            }
            float[] twoZ = n.sample(otherZ, new int[] {0, 0}, 2);
            double byClass = 0;
            double byZ = 0;
            for (int i = 0; i < image; i++) {
                byClass += Math.abs(twoClasses[i] - twoClasses[image + i]);
                byZ += Math.abs(twoZ[i] - twoZ[image + i]);
            }
            // Freshly initialised weights give faint images; the class must move them as much as z does, roughly.
            assertTrue(byClass > 0.2 * byZ, "same z, another class: another image (mean difference "
                    + byClass / image + ", another z: " + byZ / image + ")");
            assertTrue(n.exportWeights().keySet().stream().anyMatch(k -> k.startsWith("g.") && k.endsWith(
                    "classEmbedding")), "G's class embedding is saved");
            assertTrue(n.exportWeights().keySet().stream().anyMatch(k -> k.startsWith("d.") && k.endsWith(
                    "classProjection")), "D's projection is saved");
        }
    }

    /** Through a checkpoint file, with the average, ADA, spectral normalisation and each loss. */
    @ParameterizedTest
    @EnumSource(LossKind.class)
    void resumeThroughACheckpointIsBitExact(LossKind loss) throws Exception {
        ImageDataset data = labelled(21, CLASSES);
        TrainConfig d = TrainConfig.defaults().withBatchSize(8).withSteps(8).withSeed(42).withAugment(Augment.ADA);
        TrainConfig cfg = new TrainConfig(loss, d.labelSmoothing(), d.generatorOptimizer(),
                d.discriminatorOptimizer(), d.discriminatorSteps(), d.batchSize(), d.seed(), d.steps(),
                d.sampleEvery(), d.checkpointEvery(), d.keepCheckpoints(), d.gridSize(), d.emaDecay(), d.augment());
        List<StepMetrics> straight = new ArrayList<>();
        float[] straightSamples;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY, cfg, data, m)) {
            for (int i = 0; i < 8; i++) {
                straight.add(t.step());
            }
            straightSamples = t.sampleFixedNoise();
            assertEquals(3 * 8, t.gridCount(), "a row of 8 per class");
            SampleGrid grid = t.sampleGrid();
            assertEquals(3 * 16 + 2 * SampleGrid.GAP, grid.height());
            assertTrue(grid.width() > 8 * 16 + 7 * SampleGrid.GAP, "room for the class names");
        }
        GanConfig config = new GanConfig(DataSpec.builtIn(), TINY, cfg);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY, cfg, data, m)) {
            for (int i = 0; i < 3; i++) {
                t.step();
            }
            Checkpoints.write(dir, config, t.exportState(), 2);
        }
        List<StepMetrics> resumed = new ArrayList<>();
        float[] resumedSamples;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY, cfg, data, m)) {
            t.importState(Checkpoints.readLatest(dir).state());
            for (int i = 3; i < 8; i++) {
                resumed.add(t.step());
            }
            resumedSamples = t.sampleFixedNoise();
        }
        for (int i = 0; i < resumed.size(); i++) {
            assertEquals(straight.get(i + 3).dLoss(), resumed.get(i).dLoss(), 0.0, "D loss at step " + (i + 4));
            assertEquals(straight.get(i + 3).gLoss(), resumed.get(i).gLoss(), 0.0, "G loss at step " + (i + 4));
        }
        assertArrayEquals(straightSamples, resumedSamples, 0f);
        assertFalse(Float.isNaN(straightSamples[0]));
    }

    @Test
    void dataWithoutClassesOrWithOtherClassesIsRefused() {
        TrainConfig cfg = TrainConfig.defaults().withBatchSize(8);
        try (NDManager m = NDManager.newBaseManager()) {
            ImageDataset none = TestData.noise(10, 16, 1, 5);
            var e = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(TINY, cfg, none, m));
            assertTrue(e.getMessage().contains("needs data with the same classes"), e.getMessage());
            ImageDataset two = labelled(10, List.of("a", "b"));
            assertThrows(IllegalArgumentException.class, () -> new GanTrainer(TINY, cfg, two, m));
        }
        assertFalse(ModelConfig.dcgan(16, 1).withClasses(List.of("only")).problems().isEmpty(), "one class");
        assertEquals(1, TINY.classIndex("SQUARE"));
        assertEquals(2, TINY.classIndex("2"));
        assertEquals(-1, TINY.classIndex("3"));
        assertEquals(-1, TINY.classIndex("triangle"));
    }

    @Test
    void configRoundTripKeepsTheClasses() {
        GanConfig c = new GanConfig(DataSpec.builtIn(), TINY, TrainConfig.defaults());
        GanConfig back = GanJson.compact().fromJson(GanJson.compact().toJson(c), GanConfig.class);
        assertEquals(c, back);
        assertEquals(CLASSES, back.model().classes());
    }
}
