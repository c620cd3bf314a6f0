package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@OnBothEngines
class NearestTrainingTest {

    @Test
    void aCopiedTrainingImageFindsItselfFirstInPixelsAndDiscriminatorFeatures() {
        EngineSetup.init();
        int n = 200;
        int side = 16;
        byte[] pixels = new byte[n * 3 * side * side];
        Rng rng = new Rng(2);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        ImageDataset real = new ImageDataset(n, side, 3, pixels, null, List.of());
        float[] copies = new float[2 * real.imageBytes()];
        real.fillBatch(new int[] {17, 123}, copies);
        for (int i = 0; i < copies.length; i++) {
            copies[i] += 0.01f * (float) rng.nextGaussian(); // a copy with a little noise
        }
        try (NDManager m = NDManager.newBaseManager();
             GanNetworks networks = new GanNetworks(new ModelConfig(side, 3, 8, 4, 4, Normalization.BATCH_NORM), m, 1);
             NearestTraining finder = new NearestTraining(m, real, networks)) {
            List<NearestTraining.Match> matches = finder.find(new SampleImages(2, 3, side, copies), 3);
            assertEquals(17, matches.get(0).pixelIndices()[0]);
            assertEquals(123, matches.get(1).pixelIndices()[0]);
            assertEquals(17, matches.get(0).featureIndices()[0]);
            assertEquals(123, matches.get(1).featureIndices()[0]);
            for (NearestTraining.Match match : matches) {
                assertTrue(match.pixelDistances()[0] < 0.02, "copy at " + match.pixelDistances()[0]);
                assertTrue(match.pixelDistances()[1] > 10 * match.pixelDistances()[0], "the next is far");
                assertTrue(match.featureDistances()[0] < match.featureDistances()[1] / 3);
            }
        }
    }
}
