package io.ganstudio.core.latent;

import java.util.List;

/**
 * Concept arithmetic in latent space (Radford et al. 2015, section 6.3): each concept is the mean z of a few
 * examples, and A - B + C is a new point; the same sum done on the images' pixels shows what latent space adds.
 */
public final class VectorArithmetic {

    private VectorArithmetic() {
    }

    /** The mean of the vectors (all of one length; at least one). */
    public static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("a concept needs at least one example");
        }
        int n = vectors.get(0).length;
        float[] m = new float[n];
        for (float[] v : vectors) {
            if (v.length != n) {
                throw new IllegalArgumentException("vectors of " + v.length + " and " + n + " numbers cannot be mixed");
            }
            for (int i = 0; i < n; i++) {
                m[i] += v[i] / vectors.size();
            }
        }
        return m;
    }

    /** a - b + c, element by element. */
    public static float[] combine(float[] a, float[] b, float[] c) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i] + c[i];
        }
        return out;
    }

    /** Points near {@code z}: z plus {@code scale} times standard normal noise from the seed. */
    public static float[] neighbour(float[] z, float scale, long seed) {
        float[] noise = Latents.fromSeed(seed, z.length);
        float[] out = z.clone();
        for (int i = 0; i < z.length; i++) {
            out[i] += scale * noise[i];
        }
        return out;
    }
}
