package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@OnBothEngines
class FeatureDistanceTest {

    private static final int N = 2000;
    private static final int D = 16;

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    /** Correlated Gaussian features: x = A z + shift, so the covariance is not diagonal. */
    private static float[] features(long seed, float shift, float noise) {
        Rng rng = new Rng(seed);
        Rng mix = new Rng(7); // the same mixing matrix for every set
        float[] a = new float[D * D];
        mix.fillGaussian(a, 0f, 0.25f);
        float[] out = new float[N * D];
        float[] z = new float[D];
        for (int i = 0; i < N; i++) {
            rng.fillGaussian(z, 0f, 1f);
            for (int r = 0; r < D; r++) {
                float v = shift;
                for (int c = 0; c < D; c++) {
                    v += a[r * D + c] * z[c];
                }
                out[i * D + r] = v + noise * (float) rng.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void fidOfIdenticalSetsIsZeroAndGrowsWithShiftAndNoise() {
        float[] x = features(1, 0f, 0f);
        assertEquals(0, FeatureDistance.fid(x, N, x, N, D), 1e-6);
        double sameDistribution = FeatureDistance.fid(x, N, features(2, 0f, 0f), N, D);
        double shifted = FeatureDistance.fid(x, N, features(2, 0.5f, 0f), N, D);
        double moreShifted = FeatureDistance.fid(x, N, features(2, 1.0f, 0f), N, D);
        double noised = FeatureDistance.fid(x, N, features(2, 0f, 1f), N, D);
        assertTrue(sameDistribution < 0.3, "two draws of one distribution: " + sameDistribution);
        // A shift of s in every one of D features adds D s^2 to FID.
        assertEquals(D * 0.25, shifted - sameDistribution, 1.0, "shift 0.5");
        assertEquals(D * 1.0, moreShifted - sameDistribution, 1.5, "shift 1");
        assertTrue(noised > 3 * sameDistribution + 1, "noise: " + noised + " vs " + sameDistribution);
    }

    @Test
    void fidMatchesTheClosedFormForDiagonalCovariances() {
        // N(0, 1) vs N(0, 4) in every dimension: FID = D (1 + 4 - 2 * 2) = D.
        Rng rng = new Rng(3);
        float[] a = new float[20_000 * 4];
        float[] b = new float[20_000 * 4];
        rng.fillGaussian(a, 0f, 1f);
        rng.fillGaussian(b, 0f, 2f);
        assertEquals(4.0, FeatureDistance.fid(a, 20_000, b, 20_000, 4), 0.15);
    }

    @Test
    void kidIsAboutZeroForOneDistributionAndGrowsWithShift() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = features(1, 0f, 0f);
            double same = FeatureDistance.kid(m, x, N, features(2, 0f, 0f), N, D);
            double shifted = FeatureDistance.kid(m, x, N, features(2, 0.5f, 0f), N, D);
            double moreShifted = FeatureDistance.kid(m, x, N, features(2, 1.0f, 0f), N, D);
            assertEquals(0, FeatureDistance.kid(m, x, N, x, N, D), 0.02, "identical sets");
            assertTrue(shifted > 10 * Math.abs(same), "shift 0.5: " + shifted + ", same distribution " + same);
            assertTrue(moreShifted > shifted, moreShifted + " vs " + shifted);
        }
    }
}
