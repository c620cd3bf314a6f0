package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights shipped in assets/evaluator/, loaded from the class path as the application loads them. */
@OnBothEngines
class ShippedClassifierTest {

    private static NDManager manager;
    private static FashionClassifier classifier;
    private static ImageDataset builtIn;
    private static float[] images;

    @BeforeAll
    static void load() throws IOException {
        EngineSetup.init();
        manager = NDManager.newBaseManager();
        classifier = FashionClassifier.shipped(manager);
        builtIn = BuiltInImages.load();
        images = ClassifierTraining.floats(builtIn);
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    @Test
    void shippedWeightsHaveTheStatedAccuracyOnTheBuiltInImages() throws IOException {
        FashionClassifier.Output out = classifier.run(images, builtIn.count());
        int correct = 0;
        for (int i = 0; i < builtIn.count(); i++) {
            if (out.predicted(i) == builtIn.label(i)) {
                correct++;
            }
        }
        double accuracy = (double) correct / builtIn.count();
        EvaluatorCard card = EvaluatorCard.shipped();
        assertEquals(card.testAccuracy(), accuracy, 0.002, "the weights are not the ones their description measured");
        assertTrue(accuracy > 0.88, "accuracy " + accuracy);
    }

    @Test
    void fidInTheClassifierFeaturesIsZeroForIdenticalSetsAndGrowsWithNoiseAndShift() {
        int n = 2000;
        float[] real = Arrays.copyOf(images, n * 784);
        float[] other = Arrays.copyOfRange(images, n * 784, 2 * n * 784);
        float[] noised = real.clone();
        float[] shifted = new float[real.length];
        Rng rng = new Rng(4);
        for (int i = 0; i < real.length; i++) {
            noised[i] = (float) Math.max(-1, Math.min(1, real[i] + 0.3 * rng.nextGaussian()));
        }
        for (int i = 0; i < n; i++) { // every image moved 4 pixels right
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    shifted[i * 784 + y * 28 + x] = x >= 4 ? real[i * 784 + y * 28 + x - 4] : -1f;
                }
            }
        }
        int d = FashionClassifier.FEATURES;
        float[] f = classifier.run(real, n).features();
        double identical = FeatureDistance.fid(f, n, f, n, d);
        double otherReal = FeatureDistance.fid(f, n, classifier.run(other, n).features(), n, d);
        double noise = FeatureDistance.fid(f, n, classifier.run(noised, n).features(), n, d);
        double shift = FeatureDistance.fid(f, n, classifier.run(shifted, n).features(), n, d);
        assertEquals(0, identical, 1e-3);
        assertTrue(noise > 5 * otherReal, "noise " + noise + " vs other real images " + otherReal);
        assertTrue(shift > 5 * otherReal, "shift " + shift + " vs other real images " + otherReal);
        double kidOther = FeatureDistance.kid(manager, f, n, classifier.run(other, n).features(), n, d);
        double kidNoise = FeatureDistance.kid(manager, f, n, classifier.run(noised, n).features(), n, d);
        assertTrue(kidNoise > 10 * Math.abs(kidOther), "KID noise " + kidNoise + " vs " + kidOther);
    }
}
