package io.ganstudio.core.random;

/**
 * A small random generator whose whole state is two numbers, so a checkpoint can save and restore it exactly
 * (java.util.Random and MXNet's generator do not expose theirs). SplitMix64 with Box-Muller normals.
 */
public final class Rng {

    private long state;
    private double spare = Double.NaN;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one named purpose, independent of the others drawn from the same seed. */
    public static Rng derive(long seed, long stream) {
        return new Rng(mix(seed ^ mix(stream + 0x632BE59BD9B4E019L)));
    }

    public long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** 0 .. n-1 in a random order (Fisher-Yates from the last element down), drawn from this generator. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    public double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        spare = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }

    public void fillGaussian(float[] out, float mean, float std) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mean + std * nextGaussian());
        }
    }

    public State state() {
        return new State(state, spare);
    }

    public void restore(State s) {
        state = s.state();
        spare = s.spare();
    }

    /** The generator's whole state. */
    public record State(long state, double spare) {
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
