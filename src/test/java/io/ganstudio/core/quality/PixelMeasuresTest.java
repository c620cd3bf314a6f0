package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NDB, diversity and memorisation on synthetic 8x8 "images" drawn from 12 clusters, without any classifier. */
@OnBothEngines
class PixelMeasuresTest {

    private static final int SIDE = 8;
    private static final int CLUSTERS = 12;
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static float[] centres() {
        float[] c = new float[CLUSTERS * SIDE * SIDE];
        new Rng(5).fillGaussian(c, 0f, 0.5f);
        return c;
    }

    /** n images, each a cluster centre (from {@code clusters} of them) plus noise, clipped to [-1, 1]. */
    private static float[] draw(int n, int clusters, long seed) {
        float[] c = centres();
        Rng rng = new Rng(seed);
        int d = SIDE * SIDE;
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(clusters);
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) Math.max(-1, Math.min(1, c[k * d + j] + 0.15 * rng.nextGaussian()));
            }
        }
        return out;
    }

    private static ImageDataset dataset(float[] images, int n) {
        byte[] bytes = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            bytes[i] = (byte) Math.round((images[i] + 1) * 127.5f);
        }
        return new ImageDataset(n, SIDE, 1, bytes, null, List.of());
    }

    private static QualityEvaluator evaluator(ImageDataset real, int samples) throws IOException {
        return QualityEvaluator.prepare(manager, real, new QualityEvaluator.Options(0, false, false, 24, samples, 1));
    }

    private static SampleImages samples(float[] px, int n) {
        return new SampleImages(n, 1, SIDE, px);
    }

    @Test
    void healthySamplesPassAndACollapsedSetIsFound() throws IOException {
        ImageDataset real = dataset(draw(2000, CLUSTERS, 1), 2000);
        try (QualityEvaluator e = evaluator(real, 1000)) {
            QualityReport healthy = e.evaluate(samples(draw(1000, CLUSTERS, 2), 1000));
            QualityReport collapsed = e.evaluate(samples(draw(1000, 2, 3), 1000));
            assertNull(healthy.classifier());
            assertTrue(healthy.coverage().differentShare() < 0.2, "healthy NDB " + healthy.coverage());
            assertTrue(collapsed.coverage().differentShare() > 0.6, "collapsed NDB " + collapsed.coverage());
            assertTrue(collapsed.coverage().jsDivergence() > 10 * healthy.coverage().jsDivergence(),
                    collapsed.coverage().jsDivergence() + " vs " + healthy.coverage().jsDivergence());
            assertEquals(1.0, healthy.diversity().ratio(), 0.1);
            assertTrue(collapsed.diversity().ratio() < 0.8, "collapsed diversity " + collapsed.diversity());
        }
    }

    @Test
    void copiesOfTrainingImagesAreFlaggedAsMemorised() throws IOException {
        float[] realPixels = draw(2000, CLUSTERS, 1);
        ImageDataset real = dataset(realPixels, 2000);
        int n = 500;
        // Copies of training images with a little noise (less than one grey level's worth of difference).
        float[] copies = new float[n * SIDE * SIDE];
        Rng rng = new Rng(9);
        for (int i = 0; i < n; i++) {
            int src = rng.nextInt(2000);
            for (int j = 0; j < SIDE * SIDE; j++) {
                copies[i * SIDE * SIDE + j] = (real.pixels()[src * SIDE * SIDE + j] & 0xFF) / 127.5f - 1
                        + 0.002f * (float) rng.nextGaussian();
            }
        }
        try (QualityEvaluator e = evaluator(real, n)) {
            QualityReport fresh = e.evaluate(samples(draw(n, CLUSTERS, 4), n));
            QualityReport copied = e.evaluate(samples(copies, n));
            assertTrue(fresh.memorisation().closeShare() < 0.15, "fresh " + fresh.memorisation());
            assertTrue(copied.memorisation().closeShare() > 0.95, "copies " + copied.memorisation());
            assertTrue(copied.memorisation().ratio() < 0.2, "copies " + copied.memorisation());
            assertEquals(1.0, fresh.memorisation().ratio(), 0.35);
        }
    }

    @Test
    void spreadAndNeighboursReadOnlyTheRowsTheyAreGiven() {
        // Rows 0-2 are close together; row 3, beyond n = 3, is far away and must not count.
        float[] rows = {0, 0, 1, 0, 0, 1, 100, 100};
        double spread = Neighbours.meanPairwiseDistance(manager, rows, 3, 2);
        double expected = (2 * Math.sqrt(0.5) + Math.sqrt(1.0)) / 3; // RMS over 2 values: |(1,0)| and |(0,1)| = sqrt(1/2), |(1,-1)| = 1
        Assertions.assertEquals(expected, spread, 1e-6);
        Neighbours.Result r = Neighbours.find(manager, new float[] {90, 90}, 1, rows, 3, 2, 1, false);
        Assertions.assertTrue(r.indices()[0] < 3, "row 3 is not a reference");
    }
}
