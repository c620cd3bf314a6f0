package io.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator average, augmentation and spectral normalisation: exact resume, no leaks into samples. */
@OnBothEngines
class TrainBetterTest {

    private static final ModelConfig TINY_SN = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM, 16, true);

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    private static TrainConfig train(Augment augment) {
        return TrainConfig.defaults().withBatchSize(8).withSteps(12).withSeed(42).withAugment(augment)
                .withEmaDecay(TrainConfig.SUGGESTED_EMA_DECAY);
    }

    /** Through a checkpoint file, with the average, ADA's probability and SN's vector in it. */
    @ParameterizedTest
    @EnumSource(value = Augment.class, names = {"ADA", "DIFFAUGMENT"})
    void resumeThroughACheckpointIsBitExactWithAverageAugmentationAndSpectralNorm(Augment augment)
            throws Exception {
        ImageDataset data = TestData.noise(20, 16, 1, 5);
        TrainConfig cfg = train(augment);
        List<StepMetrics> straight = new ArrayList<>();
        float[] straightSamples;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY_SN, cfg, data, m)) {
            for (int i = 0; i < 12; i++) {
                straight.add(t.step());
            }
            straightSamples = t.sampleFixedNoise();
        }
        GanConfig config = new GanConfig(DataSpec.builtIn(), TINY_SN, cfg);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY_SN, cfg, data, m)) {
            for (int i = 0; i < 5; i++) {
                t.step();
            }
            TrainerState s = t.exportState();
            assertTrue(s.weights().keySet().stream().anyMatch(k -> k.startsWith("e.")), "average saved");
            assertTrue(s.weights().keySet().stream().anyMatch(k -> k.endsWith("spectralU")), "SN vector saved");
            Checkpoints.write(dir, config, s, 2);
        }
        List<StepMetrics> resumed = new ArrayList<>();
        float[] resumedSamples;
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(TINY_SN, cfg, data, m)) {
            t.importState(Checkpoints.readLatest(dir).state());
            for (int i = 5; i < 12; i++) {
                resumed.add(t.step());
            }
            resumedSamples = t.sampleFixedNoise();
        }
        for (int i = 0; i < resumed.size(); i++) {
            StepMetrics a = straight.get(i + 5);
            StepMetrics b = resumed.get(i);
            assertEquals(a.dLoss(), b.dLoss(), 0.0, "D loss at step " + a.step());
            assertEquals(a.gLoss(), b.gLoss(), 0.0, "G loss at step " + a.step());
            assertEquals(a.dReal(), b.dReal(), 0.0);
            assertEquals(a.augmentP(), b.augmentP(), 0.0, "augmentation probability at step " + a.step());
            assertEquals(a.augmentR(), b.augmentR(), 0.0);
        }
        if (augment == Augment.ADA) {
            assertFalse(Double.isNaN(straight.get(11).augmentR()), "r is measured every few steps");
            assertNotEquals(0.0, straight.get(11).augmentP(), "p moved away from 0");
        } else {
            assertEquals(1.0, straight.get(11).augmentP());
        }
        assertArrayEquals(straightSamples, resumedSamples, 0f);
    }

    @Test
    void samplesComeFromTheAverageWithoutAugmentation() {
        ImageDataset data = TestData.noise(20, 16, 1, 5);
        TrainConfig cfg = train(Augment.DIFFAUGMENT);
        ModelConfig model = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, cfg, data, m)) {
            for (int i = 0; i < 3; i++) {
                t.step();
            }
            float[] first = t.sampleFixedNoise();
            assertArrayEquals(first, t.sampleFixedNoise(), 0f, "sampling twice gives the same images");
            // A fresh network loading the checkpoint's generator (the average, preferred) gives the same images:
            // nothing random, such as augmentation, stands between the generator and the samples.
            float[] z = new float[cfg.gridSize() * model.latentSize()];
            Rng.derive(cfg.seed(), 2).fillGaussian(z, 0f, 1f);
            Map<String, float[]> weights = t.exportState().weights();
            try (GanNetworks fresh = new GanNetworks(model, m, 99);
                 GanNetworks trained = new GanNetworks(model, m, 99)) {
                fresh.importGenerator(weights);
                assertArrayEquals(first, fresh.sample(z, cfg.gridSize()), 0f);
                // ...and it is the average, not the trained weights: those give other images.
                Map<String, float[]> trainedOnly = new LinkedHashMap<>(weights);
                trainedOnly.keySet().removeIf(k -> k.startsWith("e."));
                trained.importGenerator(trainedOnly);
                assertFalse(Arrays.equals(first, trained.sample(z, cfg.gridSize())));
            }
        }
    }

    /**
     * Batch norm's running statistics are averaged with the weights: copied from the trained generator, they follow
     * its last batches and do not fit the averaged weights.
     */
    @Test
    void theAverageAveragesBatchNormStatisticsToo() {
        ImageDataset data = TestData.noise(20, 16, 1, 5);
        ModelConfig model = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM);
        try (NDManager m = NDManager.newBaseManager();
             GanTrainer t = new GanTrainer(model, train(Augment.OFF), data, m)) {
            for (int i = 0; i < 4; i++) {
                t.step();
            }
            Map<String, float[]> w = t.exportState().weights();
            List<String> statistics = w.keySet().stream()
                    .filter(k -> k.startsWith("e.") && (k.endsWith("runningMean") || k.endsWith("runningVar")))
                    .toList();
            assertFalse(statistics.isEmpty(), "the average holds batch norm's statistics: " + w.keySet());
            for (String k : statistics) {
                float[] trained = w.get("g." + k.substring(2));
                assertTrue(trained != null, k);
                assertFalse(Arrays.equals(trained, w.get(k)), k + " is averaged, not copied");
            }
        }
    }

    @Test
    void spectralNormKeepsTheLargestSingularValueNearOne() {
        try (NDManager m = NDManager.newBaseManager(); GanNetworks n = new GanNetworks(TINY_SN, m, 3)) {
            NDArray x = m.randomNormal(new Shape(4, 1, 16, 16));
            String uName = null;
            String wName = null;
            for (var p : n.discriminator().getParameters()) {
                if (uName == null && p.getKey().endsWith("spectralU")) {
                    uName = p.getKey();
                    wName = p.getKey().replace("spectralU", "weight");
                }
            }
            float[] uBefore = n.exportWeights().get("d." + uName);
            n.discriminate(x, false);
            assertArrayEquals(uBefore, n.exportWeights().get("d." + uName), 0f, "no iteration outside training");
            for (int i = 0; i < 40; i++) {
                n.armPowerIteration();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    n.discriminate(x, true);
                }
            }
            Map<String, float[]> w = n.exportWeights();
            float[] weight = w.get("d." + wName);
            float[] u = w.get("d." + uName);
            int rows = u.length;
            int cols = weight.length / rows;
            double estimate = sigmaFromU(weight, u, rows, cols);
            double truth = largestSingularValue(weight, rows, cols);
            assertEquals(1.0, truth / estimate, 0.02, "the normalised weight's largest singular value");
        }
    }

    /** u^T W v with v = W^T u / |W^T u|, as the layer divides by. */
    private static double sigmaFromU(float[] w, float[] u, int rows, int cols) {
        double[] v = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[c] += w[r * cols + c] * u[r];
            }
        }
        normalize(v);
        double s = 0;
        for (int r = 0; r < rows; r++) {
            double wv = 0;
            for (int c = 0; c < cols; c++) {
                wv += w[r * cols + c] * v[c];
            }
            s += u[r] * wv;
        }
        return s;
    }

    private static double largestSingularValue(float[] w, int rows, int cols) {
        double[] v = new double[cols];
        Arrays.fill(v, 1);
        double sigma = 0;
        for (int it = 0; it < 2000; it++) {
            double[] wv = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    wv[r] += w[r * cols + c] * v[c];
                }
            }
            double[] next = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    next[c] += w[r * cols + c] * wv[r];
                }
            }
            sigma = Math.sqrt(normalize(next));
            v = next;
        }
        return sigma;
    }

    private static double normalize(double[] a) {
        double n = 0;
        for (double x : a) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
        return n;
    }

    @Test
    void diffAugmentKeepsShapesAndPassesGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int channels : new int[] {1, 3}) {
                NDArray x = m.randomUniform(-1f, 1f, new Shape(6, channels, 16, 16));
                x.setRequiresGradient(true);
                NDArray y;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    y = DiffAugment.apply(x, 1.0, new Rng(7));
                    gc.backward(y.mul(y).sum());
                }
                assertEquals(x.getShape(), y.getShape());
                float gradient = x.getGradient().abs().sum().getFloat();
                assertTrue(gradient > 0f, "gradient reaches the input through the augmentation");
                assertFalse(Arrays.equals(x.toFloatArray(), y.toFloatArray()), "p = 1 changes images");
                assertArrayEquals(x.toFloatArray(), DiffAugment.apply(x, 0.0, new Rng(7)).toFloatArray(), 1e-6f,
                        "p = 0 is the identity");
            }
        }
    }

    @Test
    void grayscaleImagesAreOnlyTranslatedAndColourImagesGetAllThree() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 24;
            int side = 16;
            int max = (int) (side * DiffAugment.TRANSLATION + 0.5);
            NDArray gray = m.randomUniform(0.1f, 1f, new Shape(n, 1, side, side));
            float[] out = DiffAugment.apply(gray, 1.0, new Rng(11)).toFloatArray();
            int shifted = 0;
            for (int i = 0; i < n; i++) {
                NDArray image = gray.get(i + ":" + (i + 1));
                float[] got = Arrays.copyOfRange(out, i * side * side, (i + 1) * side * side);
                int[] found = null;
                for (int dy = -max; dy <= max && found == null; dy++) {
                    for (int dx = -max; dx <= max && found == null; dx++) {
                        float[] want = DiffAugment.translate(image, new int[] {dy}, new int[] {dx}, m).toFloatArray();
                        if (close(want, got)) {
                            found = new int[] {dy, dx};
                        }
                    }
                }
                assertTrue(found != null, "grayscale image " + i + " is one translation of itself, nothing else");
                shifted += found[0] != 0 || found[1] != 0 ? 1 : 0;
            }
            assertTrue(shifted > n / 2, "most images are shifted: " + shifted);

            NDArray colour = m.randomUniform(0.1f, 1f, new Shape(n, 3, side, side));
            float[] colourOut = DiffAugment.apply(colour, 1.0, new Rng(11)).toFloatArray();
            int holes = 0;
            for (int i = 0; i < n; i++) {
                int zeros = 0;
                for (int k = 0; k < 3 * side * side; k++) {
                    zeros += colourOut[i * 3 * side * side + k] == 0f ? 1 : 0;
                }
                holes += zeros >= 3 * (side / 2) * (side / 2) / 4 ? 1 : 0; // a cutout's hole, at least partly inside
            }
            assertTrue(holes > n / 2, "colour images get cutout holes: " + holes);
        }
    }

    private static boolean close(float[] a, float[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k] - b[k]) > 1e-5f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void translationShiftsWithZeroFill() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 8;
            float[] v = new float[2 * n * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = 1 + i;
            }
            NDArray x = m.create(v, new Shape(1, 2, n, n));
            float[] y = DiffAugment.translate(x, new int[] {1}, new int[] {-2}, m).toFloatArray();
            for (int c = 0; c < 2; c++) {
                for (int row = 0; row < n; row++) {
                    for (int col = 0; col < n; col++) {
                        int fromRow = row + 1;
                        int fromCol = col - 2;
                        boolean inside = fromRow < n && fromCol >= 0;
                        float expected = inside ? v[c * n * n + fromRow * n + fromCol] : 0f;
                        assertEquals(expected, y[c * n * n + row * n + col], 0f, "channel " + c + " (" + row + ", "
                                + col + ")");
                    }
                }
            }
        }
    }
}
