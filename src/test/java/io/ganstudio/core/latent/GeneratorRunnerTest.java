package io.ganstudio.core.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny model trained for a few steps, checkpointed through a run folder, then loaded back. */
@OnBothEngines
class GeneratorRunnerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    static GanConfig tinyConfig(int channels) {
        return new GanConfig(DataSpec.builtIn(), new ModelConfig(16, channels, 8, 8, 8, Normalization.BATCH_NORM),
                TrainConfig.defaults().withBatchSize(4).withSeed(11));
    }

    static ImageDataset noiseImages(int channels) {
        byte[] pixels = new byte[12 * channels * 16 * 16];
        Rng rng = new Rng(5);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        return new ImageDataset(12, 16, channels, pixels, null, List.of());
    }

    @Test
    void batchesOfAConditionalRunContinueOneSequenceOfClasses() throws Exception {
        ModelConfig model = new ModelConfig(16, 1, 8, 8, 8, Normalization.BATCH_NORM).withConditional(true)
                .withClasses(List.of("a", "b", "c"));
        GanConfig config = new GanConfig(DataSpec.builtIn(), model, TrainConfig.defaults().withBatchSize(4)
                .withSeed(11));
        byte[] pixels = new byte[12 * 16 * 16];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = i % 3;
        }
        Rng rng = new Rng(5);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        ImageDataset data = new ImageDataset(12, 16, 1, pixels, labels, List.of("a", "b", "c"));
        RunFolder run = RunFolder.create(dir.resolve("cond"), config);
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(model, config.train(), data, root)) {
            trainer.step();
            run.writeCheckpoint(trainer.exportState());
        }
        List<float[]> zs = List.of(Latents.fromSeed(1, 8), Latents.fromSeed(2, 8));
        try (GeneratorRunner runner = GeneratorRunner.open(RunFolder.open(run.dir()))) {
            float[] fromFour = runner.sampleBatch(zs, 4).join(); // samples 4 and 5: classes 1 and 2
            runner.useClass(1);
            float[] classB = runner.sampleBatch(zs.subList(0, 1)).join();
            runner.useClass(2);
            float[] classC = runner.sampleBatch(zs.subList(1, 2)).join();
            int f = 16 * 16;
            assertArrayEquals(classB, Arrays.copyOfRange(fromFour, 0, f));
            assertArrayEquals(classC, Arrays.copyOfRange(fromFour, f, 2 * f));
        }
    }

    @Test
    void rendersWhatTheTrainedGeneratorSamples() throws Exception {
        GanConfig config = tinyConfig(3);
        RunFolder run = RunFolder.create(dir.resolve("run"), config);
        float[] z = Latents.fromSeed(3, 8);
        int[] expected;
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(config.model(), config.train(), noiseImages(3), root)) {
            trainer.step();
            trainer.step(); // batch norm's running statistics are no longer their initial values
            run.writeCheckpoint(trainer.exportState());
            expected = SampleGrid.toArgb(trainer.networks().sample(z, 1), 0, 3, 16);
        }
        try (GeneratorRunner runner = GeneratorRunner.open(RunFolder.open(run.dir()))) {
            assertEquals(16, runner.imageSize());
            assertEquals(3, runner.channels());
            assertEquals(8, runner.latentSize());
            assertEquals(2, runner.step());
            assertArrayEquals(expected, runner.render(z).get(30, TimeUnit.SECONDS));
            List<int[]> batch = runner.renderBatch(List.of(Latents.fromSeed(9, 8), z)).get(30, TimeUnit.SECONDS);
            assertArrayEquals(expected, batch.get(1), "an image must not depend on the rest of its batch");
            ExecutionException e = assertThrows(ExecutionException.class, () -> runner.render(new float[3]).get());
            assertTrue(e.getCause().getMessage().contains("size 8"), e.getCause().getMessage());
        }
    }

    @Test
    void anyCountWorksAfterALargerBatch() throws Exception {
        // oneDNN refuses a network instance a smaller batch after a larger one: 65 ran as 64 + 1 and failed
        // ("IOLogicalSwapDesc"), measured with the 28x28 grayscale networks.
        GanConfig config = new GanConfig(DataSpec.builtIn(), new ModelConfig(28, 1, 8, 8, 8,
                Normalization.BATCH_NORM), TrainConfig.defaults().withBatchSize(4).withSeed(11));
        RunFolder run = RunFolder.create(dir.resolve("run"), config);
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(config.model(), config.train(),
                     TestData.noise(12, 28, 1, 5), root)) {
            trainer.step();
            run.writeCheckpoint(trainer.exportState());
        }
        List<float[]> zs = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            zs.add(Latents.fromSeed(i, 8));
        }
        int[] alone;
        try (GeneratorRunner fresh = GeneratorRunner.open(RunFolder.open(run.dir()))) {
            alone = fresh.render(zs.get(64)).get(30, TimeUnit.SECONDS);
        }
        try (GeneratorRunner runner = GeneratorRunner.open(RunFolder.open(run.dir()))) {
            List<int[]> all = runner.renderBatch(zs).get(60, TimeUnit.SECONDS);
            assertEquals(65, all.size());
            assertArrayEquals(alone, all.get(64), "the 65th image, run in a padded batch, is the same image");
            assertArrayEquals(alone, runner.render(zs.get(64)).get(30, TimeUnit.SECONDS));
            assertEquals(3, runner.renderBatch(zs.subList(0, 3)).get(30, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void closedRunnerFailsPolitely() throws Exception {
        GanConfig config = tinyConfig(1);
        RunFolder run = RunFolder.create(dir.resolve("run"), config);
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(config.model(), config.train(), noiseImages(1), root)) {
            run.writeCheckpoint(trainer.exportState());
        }
        GeneratorRunner runner = GeneratorRunner.open(run);
        assertEquals(256, runner.render(new float[8]).get(30, TimeUnit.SECONDS).length);
        runner.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> runner.render(new float[8]).get());
        assertTrue(e.getCause().getMessage().contains("closed"));
        runner.close();
    }

    @Test
    void resumeFromACheckpointContinuesExactly() throws Exception {
        GanConfig config = tinyConfig(1);
        RunFolder run = RunFolder.create(dir.resolve("run"), config);
        StepMetrics third;
        float[] afterThird;
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(config.model(), config.train(), noiseImages(1), root)) {
            trainer.step();
            trainer.step();
            run.writeCheckpoint(trainer.exportState());
            third = trainer.step();
            afterThird = trainer.sampleFixedNoise();
        }
        LoadedCheckpoint c = RunFolder.open(run.dir()).readLatestCheckpoint();
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer resumed = new GanTrainer(c.config().model(), c.config().train(), noiseImages(1), root)) {
            resumed.importState(c.state());
            StepMetrics again = resumed.step();
            assertEquals(third.step(), again.step());
            assertEquals(third.dLoss(), again.dLoss(), 1e-6);
            assertEquals(third.gLoss(), again.gLoss(), 1e-6);
            assertArrayEquals(afterThird, resumed.sampleFixedNoise(), 1e-5f);
        }
    }

    @Test
    void directionsAreUnitOrderedAndCaptureTheLargestChanges() throws Exception {
        GanConfig config = tinyConfig(1);
        RunFolder run = RunFolder.create(dir.resolve("run"), config);
        try (NDManager root = NDManager.newBaseManager();
             GanTrainer trainer = new GanTrainer(config.model(), config.train(), noiseImages(1), root)) {
            trainer.step();
            run.writeCheckpoint(trainer.exportState());
        }
        try (GeneratorRunner runner = GeneratorRunner.open(run)) {
            // Plant a dominant direction: latent component 0 drives the first layer ten times more than the others.
            runner.onEngine(n -> {
                NDArray w = n.generator().getParameters().get(0).getValue().getArray(); // (latent, filters, k, k)
                w.set(new NDIndex("0"), w.get("0").mul(10f));
                return null;
            }).get(30, TimeUnit.SECONDS);
            List<Directions.Direction> d = runner.directions(3, 400, 1).get(60, TimeUnit.SECONDS);
            assertEquals(1.0, Math.abs(d.get(0).z()[0]), 0.05, "the planted direction is found");
            assertTrue(d.get(0).explainedVariance() > 0.5, "explains " + d.get(0).explainedVariance());
            assertEquals(3, d.size());
            double sum = 0;
            for (Directions.Direction x : d) {
                assertEquals(1.0, Latents.norm(x.z()), 1e-5);
                sum += x.explainedVariance();
            }
            assertTrue(sum <= 1.0 + 1e-6 && sum > 0, "explained " + sum);
            assertTrue(d.get(0).explainedVariance() >= d.get(1).explainedVariance());
            assertTrue(d.get(1).explainedVariance() >= d.get(2).explainedVariance());
            List<Directions.Direction> again = runner.directions(3, 400, 1).get(60, TimeUnit.SECONDS);
            assertArrayEquals(d.get(0).z(), again.get(0).z(), 1e-5f);

            // Moving along the first direction changes the first block (the image's coarse layout) more than
            // moving along random directions: what the PCA promises.
            double principal = runner.onEngine(n -> change(n, d.get(0).z())).get(30, TimeUnit.SECONDS);
            double random = 0;
            for (int i = 0; i < 8; i++) {
                float[] r = Latents.fromSeed(100 + i, 8);
                random += runner.onEngine(n -> change(n, r)).get(30, TimeUnit.SECONDS) / 8;
            }
            assertTrue(principal > 3 * random, "principal " + principal + " vs random " + random);
        }
    }

    /** Mean squared change of the first block's activations when z moves by 2 along a direction, over many z. */
    private static double change(GanNetworks networks, float[] direction) {
        int n = 64;
        float[] plus = new float[n * 8];
        float[] minus = new float[n * 8];
        for (int i = 0; i < n; i++) {
            float[] z = Latents.fromSeed(500 + i, 8);
            System.arraycopy(Latents.shift(z, direction, 1f), 0, plus, i * 8, 8);
            System.arraycopy(Latents.shift(z, direction, -1f), 0, minus, i * 8, 8);
        }
        try (NDManager sub = networks.manager().newSubManager()) {
            return Directions.firstBlock(networks, sub, plus, n).sub(Directions.firstBlock(networks, sub, minus, n))
                    .square().mean().getFloat();
        }
    }
}
