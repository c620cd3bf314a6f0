package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KID in thumbnail pixels and in a discriminator's features on synthetic 16x16 colour "images" (two colour fields
 * plus noise): its real-vs-real floor is near 0, new draws from the same images score near it, noise far
 * above, and copies of the training images (near the floor too) are what the memorisation share catches.
 */
class KernelDistancesTest {

    private static final int SIDE = 16;
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

    /** n colour images: two colour fields (each colour drawn anew) split at a random column, plus pixel noise. */
    private static float[] draw(int n, long seed) {
        Rng rng = new Rng(seed);
        int plane = SIDE * SIDE;
        float[] out = new float[n * 3 * plane];
        float[] colours = new float[6];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 6; c++) {
                colours[c] = (float) (0.5 * (c < 3 ? 1 : -1) + 0.25 * rng.nextGaussian());
            }
            int split = 4 + rng.nextInt(SIDE - 8);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        float v = x < split ? colours[c] : colours[3 + c];
                        out[i * 3 * plane + c * plane + y * SIDE + x] =
                                (float) Math.max(-1, Math.min(1, v + 0.1 * rng.nextGaussian()));
                    }
                }
            }
        }
        return out;
    }

    private static float[] noise(int n, long seed) {
        float[] out = new float[n * 3 * SIDE * SIDE];
        Rng rng = new Rng(seed);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return out;
    }

    /** The images as the loader would hold them: bytes 0..255, so the samples below are compared like for like. */
    private static ImageDataset dataset(float[] images, int n) {
        byte[] bytes = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            bytes[i] = (byte) Math.round((images[i] + 1) * 127.5f);
        }
        return new ImageDataset(n, SIDE, 3, bytes, null, List.of());
    }

    private static SampleImages samples(float[] px, int n) {
        return new SampleImages(n, 3, SIDE, px);
    }

    private static SampleImages asLoaded(ImageDataset d) {
        int[] all = new int[d.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] raw = new float[d.count() * d.imageBytes()];
        d.fillBatch(all, raw);
        return samples(raw, d.count());
    }

    @Test
    void theFloorIsNearZeroNewDrawsScoreNearItAndNoiseFarAbove() {
        ImageDataset real = dataset(draw(300, 1), 300);
        KernelDistances.Result fresh = KernelDistances.measure(manager, real, 0, samples(draw(300, 2), 300), null, 0);
        KernelDistances.Result noise = KernelDistances.measure(manager, real, 0, samples(noise(300, 3), 300), null, 0);
        double floor = fresh.pixels().floor();
        assertEquals(floor, noise.pixels().floor(), 0.0, "the floor depends on the real images only");
        double n = noise.pixels().value();
        assertTrue(n > 0.05, "noise " + n);
        assertTrue(Math.abs(floor) < n / 20, "floor " + floor + ", noise " + n);
        assertTrue(Math.abs(fresh.pixels().value()) < n / 20, "new draws " + fresh.pixels().value() + ", noise " + n);
        assertEquals(null, fresh.features(), "no discriminator given, no feature KID");
    }

    @Test
    void aDiscriminatorsFeaturesSeparateNoiseFromTheImages() {
        ImageDataset real = dataset(draw(200, 1), 200);
        try (NDManager sub = manager.newSubManager();
             GanNetworks networks = new GanNetworks(new ModelConfig(SIDE, 3, 8, 8, 8, Normalization.BATCH_NORM),
                     sub, 4)) {
            KernelDistances.Result fresh = KernelDistances.measure(sub, real, 0, samples(draw(200, 2), 200),
                    networks, 0);
            KernelDistances.Result noise = KernelDistances.measure(sub, real, 0, samples(noise(200, 3), 200),
                    networks, 0);
            assertNotNull(fresh.features());
            double floor = fresh.features().floor();
            double spread = Math.abs(floor) + Math.abs(fresh.features().value());
            assertTrue(noise.features().value() > 10 * spread,
                    "noise " + noise.features().value() + ", new draws " + fresh.features().value() + ", floor "
                            + floor);
        }
    }

    @Test
    void copiesOfTheTrainingImagesScoreNearTheFloorAndTheMemorisationShareCatchesThem() throws IOException {
        ImageDataset real = dataset(draw(300, 1), 300);
        SampleImages copies = asLoaded(real);
        KernelDistances.Result kid = KernelDistances.measure(manager, real, 0, copies, null, 0);
        KernelDistances.Result noise = KernelDistances.measure(manager, real, 0, samples(noise(300, 3), 300), null, 0);
        assertTrue(Math.abs(kid.pixels().value()) < noise.pixels().value() / 20,
                "copies " + kid.pixels().value() + ", noise " + noise.pixels().value());
        try (QualityEvaluator e = QualityEvaluator.prepare(manager, real,
                new QualityEvaluator.Options(0, false, false, 6, 300, 1))) {
            double copied = e.evaluate(copies).memorisation().closeShare();
            double fresh = e.evaluate(samples(draw(300, 2), 300)).memorisation().closeShare();
            assertTrue(copied > 0.9, "copies: " + copied + " of the samples closer than the closest 5% of real pairs");
            assertTrue(fresh < 0.3, "new draws: " + fresh);
        }
    }
}
