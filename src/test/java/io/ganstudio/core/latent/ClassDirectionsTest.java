package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The InterFaceGAN fit on synthetic generators whose class boundaries are known. */
class ClassDirectionsTest {

    private static final int LATENT = 16;

    /** The "images" are z itself. */
    private static final ClassDirections.Images IDENTITY = zs -> {
        float[] out = new float[zs.size() * LATENT];
        for (int i = 0; i < zs.size(); i++) {
            System.arraycopy(zs.get(i), 0, out, i * LATENT, LATENT);
        }
        return out;
    };

    private static float[] randomUnit(Random r, int n) {
        float[] v = new float[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < n; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Two classes split by a known hyperplane w.z > 0.3, with 3% of the labels flipped. */
    @Test
    void recoversAKnownBoundary() throws Exception {
        float[] w = randomUnit(new Random(5), LATENT);
        ClassDirections.Classifier byPlane = new ClassDirections.Classifier() {
            public int classes() {
                return 2;
            }

            public float[] probabilities(float[] images, int n) {
                float[] p = new float[2 * n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < LATENT; j++) {
                        s += w[j] * images[i * LATENT + j];
                    }
                    boolean one = s > 0.3;
                    // A deterministic 3% of flipped labels, from the image itself.
                    if (Math.abs(Math.sin(1000 * images[i * LATENT])) < 0.03 * Math.PI / 2) {
                        one = !one;
                    }
                    p[2 * i + (one ? 1 : 0)] = 0.9f;
                    p[2 * i + (one ? 0 : 1)] = 0.1f;
                }
                return p;
            }
        };
        List<Double> progress = new ArrayList<>();
        ClassDirections.Result r = ClassDirections.fit(IDENTITY, byPlane, List.of("left", "right"), LATENT,
                new ClassDirections.Settings(3000, 0.2, 1), progress::add, () -> false);
        assertEquals(2, r.directions().size());
        ClassDirections.Fitted right = r.directions().get(1);
        assertEquals("toward right", right.name());
        assertTrue(dot(right.normal(), w) > 0.97, "cosine with the true normal " + dot(right.normal(), w));
        assertTrue(dot(r.directions().get(0).normal(), w) < -0.97, "the rest's direction points the other way");
        assertEquals(1.0, Math.sqrt(dot(right.normal(), right.normal())), 1e-5);
        assertTrue(right.validationAccuracy() > 0.93, "held-out accuracy " + right.validationAccuracy());
        assertTrue(right.validationAccuracy() < 0.995, "3% of the labels are wrong: " + right.validationAccuracy());
        assertEquals(600, r.validation());
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-9);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1));
        }
    }

    /**
     * Four classes from a nonlinear "generator" (tanh of a mix of z) and a softmax "classifier" on its output:
     * moving along each fitted direction raises that class's probability.
     */
    @Test
    void movingAlongADirectionRaisesItsClassProbability() throws Exception {
        Random r = new Random(9);
        int k = 4;
        int pixels = 12;
        float[][] mix = new float[pixels][];
        for (int p = 0; p < pixels; p++) {
            mix[p] = randomUnit(r, LATENT);
        }
        float[][] head = new float[k][];
        for (int c = 0; c < k; c++) {
            head[c] = randomUnit(r, pixels);
        }
        ClassDirections.Images generator = zs -> {
            float[] out = new float[zs.size() * pixels];
            for (int i = 0; i < zs.size(); i++) {
                for (int p = 0; p < pixels; p++) {
                    out[i * pixels + p] = (float) Math.tanh(dot(mix[p], zs.get(i)));
                }
            }
            return out;
        };
        ClassDirections.Classifier softmax = new ClassDirections.Classifier() {
            public int classes() {
                return k;
            }

            public float[] probabilities(float[] images, int n) {
                float[] out = new float[n * k];
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int p = 0; p < pixels; p++) {
                            s += head[c][p] * images[i * pixels + p];
                        }
                        out[i * k + c] = (float) Math.exp(3 * s);
                        sum += out[i * k + c];
                    }
                    for (int c = 0; c < k; c++) {
                        out[i * k + c] /= (float) sum;
                    }
                }
                return out;
            }
        };
        ClassDirections.Result result = ClassDirections.fit(generator, softmax, List.of("a", "b", "c", "d"), LATENT,
                new ClassDirections.Settings(2000, 0.25, 3), f -> { }, () -> false);
        assertEquals(k, result.directions().size() + result.skipped().size());
        assertTrue(result.directions().size() >= 3, "most classes are common enough to fit");
        List<float[]> starts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            starts.add(Latents.fromSeed(1000 + i, LATENT));
        }
        for (ClassDirections.Fitted d : result.directions()) {
            assertTrue(d.balancedAccuracy() > 0.75, d.name() + ": balanced accuracy " + d.balancedAccuracy());
            ClassDirections.Effect e = ClassDirections.effect(generator, softmax, d.normal(), d.classIndex(), starts,
                    new double[] {-2, 0, 2});
            assertTrue(e.meanProbability()[2] > e.meanProbability()[1] + 0.1,
                    d.name() + ": P at +2 " + e.meanProbability()[2] + " vs at 0 " + e.meanProbability()[1]);
            assertTrue(e.meanProbability()[0] < e.meanProbability()[1], d.name() + ": -2 lowers it");
            assertTrue(e.shareOfClass()[2] > e.shareOfClass()[1]);
        }
    }

    @Test
    void cancelStopsTheFit() {
        ClassDirections.Classifier any = new ClassDirections.Classifier() {
            public int classes() {
                return 2;
            }

            public float[] probabilities(float[] images, int n) {
                return new float[2 * n];
            }
        };
        assertThrows(CancellationException.class, () -> ClassDirections.fit(IDENTITY, any, List.of("x", "y"),
                LATENT, new ClassDirections.Settings(1000, 0.2, 1), f -> { }, () -> true));
    }

    @Test
    void aClassTooRareToFitIsSkippedNotFaked() throws Exception {
        // Class 1 only for z[0] > 3: about 0.1% of samples.
        ClassDirections.Classifier rare = new ClassDirections.Classifier() {
            public int classes() {
                return 2;
            }

            public float[] probabilities(float[] images, int n) {
                float[] p = new float[2 * n];
                for (int i = 0; i < n; i++) {
                    p[2 * i + (images[i * LATENT] > 3 ? 1 : 0)] = 1f;
                }
                return p;
            }
        };
        ClassDirections.Result r = ClassDirections.fit(IDENTITY, rare, List.of("common", "rare"), LATENT,
                new ClassDirections.Settings(1000, 0.2, 2), f -> { }, () -> false);
        assertTrue(r.directions().isEmpty(), "neither side of a 0.1% class can be fit");
        assertEquals(2, r.skipped().size());
    }
}
