package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;

import java.util.Locale;

/** The ready-made real distributions, in the unit square (GAN Lab's shapes). */
public enum Preset {
    LINE, GAUSSIANS, RING, BLOBS;

    /** n points, x then y, in [0, 1]^2 (a few may fall just outside through the noise). */
    public double[] sample(int n, Rng rng) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double r = rng.nextDouble();
            double x;
            double y;
            switch (this) {
                case LINE -> {
                    x = 0.8 - 0.6 * r + 0.01 * rng.nextGaussian();
                    y = 0.25 + 0.5 * r + 0.01 * rng.nextGaussian();
                }
                case GAUSSIANS -> {
                    if (r < 0.5) {
                        x = 0.3 + 0.08 * rng.nextGaussian();
                        y = 0.7 + 0.08 * rng.nextGaussian();
                    } else {
                        x = 0.7 + 0.05 * rng.nextGaussian();
                        y = 0.35 + 0.12 * rng.nextGaussian();
                    }
                }
                case RING -> {
                    double a = 2 * Math.PI * r;
                    x = 0.5 + 0.3 * Math.cos(a) + 0.025 * rng.nextGaussian();
                    y = 0.5 + 0.3 * Math.sin(a) + 0.025 * rng.nextGaussian();
                }
                case BLOBS -> {
                    double s = 0.025;
                    int k = (int) (r * 3);
                    double[][] centres = {{0.3, 0.72}, {0.72, 0.6}, {0.42, 0.3}};
                    x = centres[k][0] + s * rng.nextGaussian();
                    y = centres[k][1] + s * rng.nextGaussian();
                }
                default -> throw new IllegalStateException();
            }
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        return xy;
    }

    /** The name on the command line: line, gaussians, ring, blobs. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
