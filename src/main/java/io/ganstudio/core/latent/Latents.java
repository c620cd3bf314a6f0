package io.ganstudio.core.latent;

import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * Latent vectors z for a generator trained on a N(0, I) prior: drawing them from a seed, moving between them and
 * pulling them toward the prior's centre. Pure Java; no engine needed.
 */
public final class Latents {

    /** Stream id for seeds typed by the user; fixed forever so a seed means the same z in every version. */
    private static final long SEED_STREAM = 0x5EED_1A7EL;
    /** Below this sine of the angle, slerp's division is unstable and the arc is a straight line anyway. */
    private static final double PARALLEL_SINE = 1e-6;

    private Latents() {
    }

    /** The z a seed stands for: the same on every machine and every run. */
    public static float[] fromSeed(long seed, int latentSize) {
        float[] z = new float[latentSize];
        Rng.derive(seed, SEED_STREAM).fillGaussian(z, 0f, 1f);
        return z;
    }

    /** (1 - t) a + t b. */
    public static float[] lerp(float[] a, float[] b, float t) {
        checkSameSize(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + t * (b[i] - a[i]);
        }
        return out;
    }

    /**
     * Spherical interpolation (White 2016, "Sampling Generative Networks"): moves along the arc between a and b,
     * so intermediate points keep a typical norm instead of passing through the low-density region near 0 that a
     * straight line crosses in high dimensions. Norms are blended along with the angle; two unit vectors give unit
     * vectors. Nearly parallel vectors fall back to lerp (the arc and the line coincide). Exactly opposite vectors
     * have no single arc; they also fall back to lerp, which then passes through 0.
     */
    public static float[] slerp(float[] a, float[] b, float t) {
        checkSameSize(a, b);
        double na = norm(a);
        double nb = norm(b);
        if (na == 0 || nb == 0) {
            return lerp(a, b, t);
        }
        double cos = Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        if (sin < PARALLEL_SINE) {
            return lerp(a, b, t);
        }
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }

    /**
     * The truncation trick, as a scale toward the prior's mean: psi * z, psi in [0, 1] (1 leaves z as it is, 0 gives
     * the "average" image). Chosen over BigGAN's resampling of components beyond a threshold because it is
     * continuous in psi (a slider moves the image smoothly instead of jumping to new samples) and needs no random
     * draws, so the same z and psi always give the same image. Lower psi trades variety for typicality.
     */
    public static float[] truncate(float[] z, float psi) {
        if (!(psi >= 0f && psi <= 1f)) {
            throw new IllegalArgumentException("truncation psi must be between 0 and 1, not " + psi);
        }
        float[] out = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = psi * z[i];
        }
        return out;
    }

    /** z moved by {@code amount} along a direction, normalised here (for a N(0, I) prior, 1 is one std deviation). */
    public static float[] shift(float[] z, float[] direction, float amount) {
        checkSameSize(z, direction);
        double n = norm(direction);
        if (n == 0) {
            throw new IllegalArgumentException("the direction is all zeros");
        }
        float[] out = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (float) (z[i] + amount * direction[i] / n);
        }
        return out;
    }

    /**
     * A walk through keyframes: each segment from key i to key i+1 gives {@code framesPerSegment} frames starting
     * at key i, and the walk ends exactly on the last key, so there are (keys - 1) * framesPerSegment + 1 frames.
     * For a seamless loop, repeat the first key at the end and drop the last frame.
     */
    public static List<float[]> keyframes(List<float[]> keys, int framesPerSegment, boolean slerp) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a walk needs at least one keyframe");
        }
        if (framesPerSegment < 1) {
            throw new IllegalArgumentException("frames per segment must be at least 1, not " + framesPerSegment);
        }
        List<float[]> frames = new ArrayList<>();
        for (int k = 0; k + 1 < keys.size(); k++) {
            for (int f = 0; f < framesPerSegment; f++) {
                float t = (float) f / framesPerSegment;
                frames.add(slerp ? slerp(keys.get(k), keys.get(k + 1), t) : lerp(keys.get(k), keys.get(k + 1), t));
            }
        }
        frames.add(keys.get(keys.size() - 1).clone());
        return frames;
    }

    public static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    public static double dot(float[] a, float[] b) {
        checkSameSize(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static void checkSameSize(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("latent vectors differ in size: " + a.length + " and " + b.length);
        }
    }
}
