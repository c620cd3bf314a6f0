package io.ganstudio.core.quality;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2-pixel grid share: all of a checkerboard, nearly none of noise or of a smooth image, more with a faint grid. */
class GridPatternTest {

    private static SampleImages one(int side, IntBinaryOperator pixel, double scale) {
        float[] p = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                p[y * side + x] = (float) (pixel.applyAsInt(x, y) * scale);
            }
        }
        return new SampleImages(1, 1, side, p);
    }

    @Test
    void aCheckerboardIsAllGridAndNoiseOrASlopeAlmostNone() {
        assertEquals(1.0, GridPattern.share(one(16, (x, y) -> ((x + y) & 1) == 0 ? 1 : -1, 1)), 1e-9);
        assertEquals(0.0, GridPattern.share(one(16, (x, y) -> 0, 1)), 0.0, "a flat image is left out");
        assertTrue(GridPattern.share(one(32, (x, y) -> x + y, 1.0 / 64)) < 0.01, "a smooth slope");
        Random r = new Random(2);
        float[] noise = new float[3 * 64 * 64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        double n = GridPattern.share(new SampleImages(1, 3, 64, noise));
        assertTrue(n < 0.01, "noise: " + n);
    }

    @Test
    void aFaintGridOnAnImageRaisesTheShare() {
        Random r = new Random(5);
        int side = 64;
        float[] clean = new float[4 * 3 * side * side];
        float[] gridded = new float[clean.length];
        for (int img = 0; img < 4 * 3; img++) {
            double cx = r.nextDouble() * side;
            double cy = r.nextDouble() * side;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int i = (img * side + y) * side + x;
                    clean[i] = (float) Math.tanh(((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 300.0 - 1);
                    gridded[i] = clean[i] + ((x & 1) == 0 && (y & 1) == 0 ? 0.1f : 0f);
                }
            }
        }
        double a = GridPattern.share(new SampleImages(4, 3, side, clean));
        double b = GridPattern.share(new SampleImages(4, 3, side, gridded));
        assertTrue(a < 0.001, "blobs: " + a);
        assertTrue(b > 5 * a && b > 0.005, "with a faint grid " + b + " against " + a);
    }
}
