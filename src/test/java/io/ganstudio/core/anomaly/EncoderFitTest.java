package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** f-AnoGAN on a tiny run: gradients, fitting, threshold, pasted squares, a labelled set. */
@OnBothEngines
class EncoderFitTest {

    @TempDir
    static Path tmp;
    static RunFolder run;
    static ImageDataset normal;
    static EncoderFile fitted;

    @BeforeAll
    static void fitTinyRun() throws IOException {
        run = RunFolder.open(TinyRuns.sharedRunCopy(tmp));
        normal = TinyRuns.sharedData(run.dir());
        assertThrows(NoSuchFileException.class, () -> Inspector.open(run), "no encoder yet");
        List<Float> losses = new ArrayList<>();
        fitted = EncoderFit.fit(run, normal, EncoderFit.Settings.defaults().withSteps(100),
                (step, total, loss, img, feat) -> losses.add(loss), () -> false);
        assertEquals(100, losses.size());
        double first = losses.subList(0, 10).stream().mapToDouble(f -> f).average().orElseThrow();
        double last = losses.subList(90, 100).stream().mapToDouble(f -> f).average().orElseThrow();
        assertTrue(last < 0.7 * first, "the encoder's loss falls: " + first + " -> " + last);
    }

    @Test
    void inferenceModeGradientMatchesFiniteDifferences() throws IOException {
        gradientCheck(run);
    }

    static void gradientCheck(RunFolder run) throws IOException {
        try (FAnoGan n = FAnoGan.open(run, -1); NDManager m = n.manager().newSubManager()) {
            float[] images = new float[FAnoGan.BATCH * n.imageValues()];
            ImageDataset d = normal;
            int[] idx = new int[FAnoGan.BATCH];
            Arrays.setAll(idx, i -> i);
            d.fillBatch(idx, images);
            float[] pass = n.trainingPass(n.batch(m, images, FAnoGan.BATCH));
            assertEquals(pass[0], meanScore(n.score(images, FAnoGan.BATCH)), 1e-5, "training loss = mean score");
            Pair<String, Parameter> bias = n.encoder().parameters().stream()
                    .filter(p -> p.getValue().getType() == Parameter.Type.BIAS).findFirst().orElseThrow();
            NDArray b = bias.getValue().getArray();
            float[] grad = b.getGradient().toFloatArray();
            float[] values = b.toFloatArray();
            int k = 0;
            for (int i = 1; i < grad.length; i++) {
                k = Math.abs(grad[i]) > Math.abs(grad[k]) ? i : k;
            }
            float eps = 1e-3f; // the loss bends sharply in the bias: larger steps measure the bend
            float[] plus = values.clone();
            plus[k] += eps;
            b.set(plus);
            double lossPlus = meanScore(n.score(images, FAnoGan.BATCH));
            float[] minus = values.clone();
            minus[k] -= eps;
            b.set(minus);
            double lossMinus = meanScore(n.score(images, FAnoGan.BATCH));
            double numeric = (lossPlus - lossMinus) / (2 * eps);
            assertEquals(numeric, grad[k], Math.abs(numeric) * 0.1 + 1e-5,
                    "autograd through the frozen, inference-mode G and D agrees with finite differences");
        }
    }

    private static double meanScore(FAnoGan.Scored s) {
        double sum = 0;
        for (int i = 0; i < s.n(); i++) {
            sum += s.score(i);
        }
        return sum / s.n();
    }

    @Test
    void thresholdIsTheValidationPercentile() throws IOException {
        EncoderFile read = EncoderFile.read(run.dir());
        EncoderFile.Header h = read.header();
        assertEquals(15, h.validationImages(), "10% of 150 normal images held out");
        assertEquals(135, h.trainingImages());
        assertEquals(99, h.percentile());
        assertEquals(Threshold.percentile(h.validationScores(), 99), h.threshold(), 1e-12);
        double max = Arrays.stream(h.validationScores()).max().orElseThrow();
        double min = Arrays.stream(h.validationScores()).min().orElseThrow();
        assertTrue(h.threshold() <= max && h.threshold() > min);
        assertEquals(fitted.weights().keySet(), read.weights().keySet());
    }

    @Test
    void pastedSquareScoresHigherAndTheMapPeaksThere() throws IOException {
        Random r = new Random(99);
        byte[] clean = TinyRuns.normalImage(r);
        byte[] damaged = TinyRuns.withSquare(clean, 10, 2);
        try (Inspector inspector = Inspector.open(run)) {
            List<Inspection> out = inspector.inspect(List.of(TinyRuns.toFloats(clean), TinyRuns.toFloats(damaged)));
            assertTrue(out.get(1).score() > out.get(0).score() * 1.5,
                    "square " + out.get(1).score() + " vs clean " + out.get(0).score());
            int peak = Heatmap.peak(out.get(1).map(ScoreMethod.FANOGAN));
            int px = peak % TinyRuns.SIZE;
            int py = peak / TinyRuns.SIZE;
            assertTrue(px >= 9 && px <= 14 && py >= 1 && py <= 6, "map peaks at the square, not at " + px + "," + py);
            assertTrue(inspector.encoderFile().threshold().above(out.get(1).score()), "the square is above");
        }
    }

    @Test
    void labelledToySetSeparates() throws IOException {
        Random r = new Random(5);
        List<float[]> images = new ArrayList<>();
        boolean[] anomalous = new boolean[40];
        for (int i = 0; i < 40; i++) {
            byte[] img = TinyRuns.normalImage(r);
            anomalous[i] = i % 2 == 1;
            images.add(TinyRuns.toFloats(anomalous[i] ? TinyRuns.withSquare(img, r.nextInt(12), r.nextInt(12)) : img));
        }
        try (Inspector inspector = Inspector.open(run); PixelNearest nn = new PixelNearest(normal, 1)) {
            double[] scores = inspector.inspect(images).stream().mapToDouble(Inspection::score).toArray();
            LabelledMetrics m = LabelledMetrics.of(scores, anomalous, inspector.encoderFile().threshold().value());
            assertNotNull(m);
            assertTrue(m.auroc() > 0.9, "AUROC " + m.auroc());
            assertTrue(m.f1() > 0.6, "F1 " + m.f1());
            double[] baseline = nn.distances(images);
            assertTrue(LabelledMetrics.of(baseline, anomalous, 0).auroc() > 0.5);
        }
    }

    @Test
    void refiningLowersTheResidual() throws IOException {
        byte[] img = TinyRuns.normalImage(new Random(8));
        try (Inspector inspector = Inspector.open(run)) {
            double before = mean(inspector.inspect(List.of(TinyRuns.toFloats(img))).get(0).map(ScoreMethod.FANOGAN));
            double after = mean(inspector.refine(List.of(TinyRuns.toFloats(img))).get(0).map(ScoreMethod.FANOGAN));
            assertTrue(after < before, "mean |x - G(z)| after refining " + after + " vs from E(x) " + before);
        }
    }

    @Test
    void aRunWhoseNetworksAreLargerThanItsImagesFitsAndScores() throws IOException {
        // 28x28 images train on the 32x32 networks (the default since the 28x28 finding): the encoder, shaped like
        // the discriminator, must pad its input the same way. It failed with "kernel size exceed input" before.
        ModelConfig model = new ModelConfig(28, 1, 8, 8, 8,
                TinyRuns.norm);
        assertEquals(2, model.networkMargin());
        Random r = new Random(3);
        int count = 40;
        byte[] px = new byte[count * 28 * 28];
        r.nextBytes(px);
        ImageDataset data = new ImageDataset(count, 28, 1, px, null, List.of());
        RunFolder small = TinyRuns.train(tmp.resolve("margin-run"), data, 3,
                DataSpec.folder(tmp.resolve("unused").toString()), model);
        EncoderFit.fit(small, data, EncoderFit.Settings.defaults().withSteps(2), null, () -> false);
        float[] image = new float[28 * 28];
        try (Inspector inspector = Inspector.open(small)) {
            Inspection out = inspector.inspect(List.of(image)).get(0);
            assertEquals(28 * 28, out.map().length, "the map covers the 28x28 image, not the network's 32x32");
            assertTrue(Double.isFinite(out.score()));
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }
}
