package io.ganstudio.core.quality;

/**
 * How much of a set of images repeats on a fixed 2-pixel grid: the checkerboard that transposed convolutions can
 * leave (Odena et al. 2016). For each image and channel: the mean of the pixels at each of the four positions of a
 * 2x2 cell, over all cells, less the channel's mean; the mean square of those four differences as a share of the
 * channel's variance. Content that is not aligned to the pixel grid gives about 0; a checkerboard adds its own
 * energy. Flat channels (no variance) are left out.
 */
public final class GridPattern {

    private static final double FLAT = 1e-8;

    private GridPattern() {
    }

    /** The mean share over images and (non-flat) channels; 0 when every channel is flat or the side is odd. */
    public static double share(SampleImages images) {
        int side = images.size();
        if (side < 2 || side % 2 != 0) {
            return 0;
        }
        float[] p = images.pixels();
        int plane = side * side;
        double sum = 0;
        int channels = 0;
        for (int c = 0; c < images.count() * images.channels(); c++) {
            int base = c * plane;
            double mean = 0;
            double square = 0;
            double[] phase = new double[4];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double v = p[base + y * side + x];
                    mean += v;
                    square += v * v;
                    phase[(y & 1) * 2 + (x & 1)] += v;
                }
            }
            mean /= plane;
            double variance = square / plane - mean * mean;
            if (variance < FLAT) {
                continue;
            }
            double energy = 0;
            for (double s : phase) {
                double d = s / (plane / 4.0) - mean;
                energy += d * d;
            }
            sum += energy / 4 / variance;
            channels++;
        }
        return channels == 0 ? 0 : sum / channels;
    }
}
