package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatentsTest {

    @Test
    void fromSeedIsDeterministicAndNormal() {
        float[] a = Latents.fromSeed(42, 4096);
        assertArrayEquals(a, Latents.fromSeed(42, 4096));
        assertFalse(Arrays.equals(a, Latents.fromSeed(43, 4096)));
        double mean = 0;
        for (float v : a) {
            mean += v;
        }
        mean /= a.length;
        assertEquals(0, mean, 0.05);
        assertEquals(1, Latents.norm(a) / Math.sqrt(a.length), 0.05);
    }

    @Test
    void lerpMidpointIsTheAverage() {
        assertArrayEquals(new float[] {1f, 2f}, Latents.lerp(new float[] {0f, 4f}, new float[] {2f, 0f}, 0.5f));
    }

    @Test
    void slerpHitsEndpointsAndKeepsUnitNorm() {
        float[] a = unit(Latents.fromSeed(1, 64));
        float[] b = unit(Latents.fromSeed(2, 64));
        assertArrayEquals(a, Latents.slerp(a, b, 0f), 1e-6f);
        assertArrayEquals(b, Latents.slerp(a, b, 1f), 1e-6f);
        for (float t = 0.1f; t < 1f; t += 0.1f) {
            assertEquals(1.0, Latents.norm(Latents.slerp(a, b, t)), 1e-5);
        }
        // the midpoint is equally far (in angle) from both ends, unlike the shorter lerp midpoint
        float[] mid = Latents.slerp(a, b, 0.5f);
        assertEquals(Latents.dot(mid, a), Latents.dot(mid, b), 1e-5);
        assertTrue(Latents.norm(Latents.lerp(a, b, 0.5f)) < 0.9);
    }

    @Test
    void slerpOfOrthogonalUnitVectorsFollowsTheCircle() {
        float[] m = Latents.slerp(new float[] {1f, 0f}, new float[] {0f, 1f}, 0.5f);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, m, 1e-6f);
    }

    @Test
    void slerpOfNearlyParallelVectorsIsFinite() {
        float[] a = {1f, 1f, 1f};
        float[] b = {1f, 1f, 1.0000001f};
        float[] m = Latents.slerp(a, b, 0.5f);
        for (float v : m) {
            assertTrue(Float.isFinite(v));
        }
        assertArrayEquals(a, Latents.slerp(a, a, 0.3f), 1e-6f);
    }

    @Test
    void keyframesCountAndEndOnKeys() {
        float[] k0 = Latents.fromSeed(1, 8);
        float[] k1 = Latents.fromSeed(2, 8);
        float[] k2 = Latents.fromSeed(3, 8);
        List<float[]> frames = Latents.keyframes(List.of(k0, k1, k2), 10, true);
        assertEquals(21, frames.size());
        assertArrayEquals(k0, frames.get(0), 1e-6f);
        assertArrayEquals(k1, frames.get(10), 1e-6f);
        assertArrayEquals(k2, frames.get(20), 1e-6f);
        assertEquals(1, Latents.keyframes(List.of(k0), 10, false).size());
        assertThrows(IllegalArgumentException.class, () -> Latents.keyframes(List.of(), 10, false));
    }

    @Test
    void truncationScalesTowardTheMean() {
        float[] z = {2f, -4f};
        assertArrayEquals(new float[] {1f, -2f}, Latents.truncate(z, 0.5f));
        assertArrayEquals(z, Latents.truncate(z, 1f));
        assertThrows(IllegalArgumentException.class, () -> Latents.truncate(z, 1.5f));
    }

    @Test
    void shiftMovesAlongTheUnitDirection() {
        assertArrayEquals(new float[] {1f, 3f}, Latents.shift(new float[] {1f, 1f}, new float[] {0f, 5f}, 2f));
    }

    private static float[] unit(float[] v) {
        double n = Latents.norm(v);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
