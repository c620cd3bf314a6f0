package io.ganstudio.core.train;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short training run on images of one bright rectangle each must give varied samples (no mode collapse) with
 * structure (not pixels that only have the right histogram). Both checks are first shown to fail on a collapsed and
 * on a scrambled set of images, so a generator that did either would fail them too.
 */
@OnBothEngines
class TrainingQualityTest {

    private static final int SIZE = 16;
    private static final int PIXELS = SIZE * SIZE;
    private static final int STEPS = 400; // measured: nearest-image ratio 0.60 (limit 0.7), spread 0.84 (limit 0.4)

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    /** Image i of a flat NCHW array (1 channel). */
    private static float[] image(float[] all, int i) {
        return Arrays.copyOfRange(all, i * PIXELS, (i + 1) * PIXELS);
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d);
    }

    private static int nearest(float[] x, float[] real, int count) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int j = 0; j < count; j++) {
            double d = distance(x, image(real, j));
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    /** Mean distance of each image to its nearest real image. */
    private static double meanNearest(float[] images, int n, float[] real, int count) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float[] x = image(images, i);
            sum += distance(x, image(real, nearest(x, real, count)));
        }
        return sum / n;
    }

    private static double meanPairwise(float[] images, int n) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += distance(image(images, i), image(images, j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** The same pixels of every image in a fixed random order: same histogram, no shapes. */
    private static float[] scrambled(float[] images, int n) {
        int[] order = new int[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            order[i] = i;
        }
        Random r = new Random(9);
        for (int i = PIXELS - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] out = new float[n * PIXELS];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < PIXELS; i++) {
                out[k * PIXELS + i] = images[k * PIXELS + order[i]];
            }
        }
        return out;
    }

    /** Samples are as varied as the data (at least 40% of its mean pairwise distance) and cover many images. */
    private static boolean varied(float[] samples, int n, float[] real, int count) {
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; i < n; i++) {
            covered.add(nearest(image(samples, i), real, count));
        }
        return meanPairwise(samples, n) >= 0.4 * meanPairwise(real, 64) && covered.size() >= n / 4;
    }

    /** Samples are closer to real images than the same samples scrambled are (at most 70% of the distance). */
    private static boolean structured(float[] samples, int n, float[] real, int count) {
        return meanNearest(samples, n, real, count) <= 0.7 * meanNearest(scrambled(samples, n), n, real, count);
    }

    private static float[] allImages(ImageDataset data) {
        int[] all = new int[data.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] out = new float[data.count() * data.imageBytes()];
        data.fillBatch(all, out);
        return out;
    }

    @Test
    void samplesAreVariedAndShapedLikeTheData() {
        ImageDataset data = TestData.rectangles(256, SIZE, 1, 3);
        float[] real = allImages(data);
        int n = 64;
        // The checks fail on what they are meant to catch.
        float[] collapsed = new float[n * PIXELS];
        for (int i = 0; i < n; i++) {
            System.arraycopy(real, 5 * PIXELS, collapsed, i * PIXELS, PIXELS);
        }
        assertFalse(varied(collapsed, n, real, data.count()), "64 copies of one image passed as varied");
        float[] heldOut = allImages(TestData.rectangles(n, SIZE, 1, 99));
        assertTrue(structured(heldOut, n, real, data.count()), "new rectangles are shaped like the data");
        assertFalse(structured(scrambled(heldOut, n), n, real, data.count()), "scrambled rectangles passed");

        ModelConfig model = new ModelConfig(SIZE, 1, 16, 16, 16, Normalization.BATCH_NORM);
        TrainConfig.AdamSettings adam = new TrainConfig.AdamSettings(5e-4f, 0.5f, 0.999f);
        TrainConfig cfg = new TrainConfig(LossKind.BCE, 0f, adam, adam, 1, 32, 7, STEPS, 50, 500, 3, n);
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, cfg, data, m)) {
            for (int i = 0; i < STEPS; i++) {
                assertTrue(t.step().isFinite());
            }
            float[] samples = t.sampleFixedNoise();
            double ratio = meanNearest(samples, n, real, data.count())
                    / meanNearest(scrambled(samples, n), n, real, data.count());
            double spread = meanPairwise(samples, n) / meanPairwise(real, 64);
            assertTrue(varied(samples, n, real, data.count()), "mode collapse: pairwise distance " + spread
                    + " of the data's");
            assertTrue(structured(samples, n, real, data.count()), "no shapes: nearest-image distance " + ratio
                    + " of the scrambled samples'");
        }
    }
}
