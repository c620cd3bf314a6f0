package io.ganstudio.core.anomaly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quarter turns the rotation score classifies, and the nearest-neighbour pick of the feature score. */
class RotationHeadTest {

    @Test
    void aQuarterTurnIsCounterClockwiseOnEveryChannelAndFourMakeTheImageAgain() {
        // Two channels of 3 x 3: 0..8 and 10..18, row-major.
        float[] img = new float[18];
        for (int i = 0; i < 9; i++) {
            img[i] = i;
            img[9 + i] = 10 + i;
        }
        float[] once = RotationHead.turn(img, 2, 3, 1);
        // The top row 0 1 2 becomes the left column read upwards: 2 at the top left.
        assertArrayEquals(new float[] {2, 5, 8, 1, 4, 7, 0, 3, 6, 12, 15, 18, 11, 14, 17, 10, 13, 16}, once);
        assertArrayEquals(RotationHead.turn(img, 2, 3, 2), RotationHead.turn(once, 2, 3, 1));
        assertArrayEquals(img, RotationHead.turn(RotationHead.turn(img, 2, 3, 3), 2, 3, 1));
        assertArrayEquals(img, RotationHead.turn(once, 2, 3, -1));
    }

    @Test
    void theLargestValuesComeInOrderAndTiesKeepTheEarlierIndex() {
        float[] v = {9, 0.5f, 3, 7, 3, -1, 8, 7};
        // From offset 1: 0.5 3 7 3 -1 8 7 (indices 0..6).
        assertArrayEquals(new int[] {5, 2, 6}, FeatureNearest.largest(v, 1, 7, 3));
        assertArrayEquals(new int[] {5, 2, 6, 1, 3}, FeatureNearest.largest(v, 1, 7, 5));
        assertArrayEquals(new int[] {0}, FeatureNearest.largest(v, 0, 8, 1));
    }

    @Test
    void theClassifierLearnsTurnsItCanSeeTheSameWayEveryTime() {
        // Row r is turn r % 4: its features carry the turn in two of eight values, the rest is noise.
        java.util.Random r = new java.util.Random(5);
        int dim = 8;
        float[][] x = new float[400][dim];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < dim; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
            x[i][i % RotationHead.TURNS] += 3;
        }
        float[] w = RotationHead.train(x, dim, 1, () -> false);
        assertArrayEquals(w, RotationHead.train(x, dim, 1, () -> false));
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestLogit = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < RotationHead.TURNS; t++) {
                double logit = w[dim * RotationHead.TURNS + t];
                for (int j = 0; j < dim; j++) {
                    logit += x[i][j] * w[j * RotationHead.TURNS + t];
                }
                if (logit > bestLogit) {
                    bestLogit = logit;
                    best = t;
                }
            }
            right += best == i % RotationHead.TURNS ? 1 : 0;
        }
        assertTrue(right >= 0.9 * x.length, right + " of " + x.length + " turns told right");
        assertThrows(java.util.concurrent.CancellationException.class, () -> RotationHead.train(x, dim, 1, () -> true));
    }

    @Test
    void aClassifierOfTheWrongShapeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RotationHead(2, 4, new float[8], new float[8], new float[8 * RotationHead.TURNS]));
        assertThrows(IllegalArgumentException.class, () -> RotationHead.of(null, new float[8], new float[36], 4));
    }
}
