package io.ganstudio.core.anomaly;

/**
 * Turns an image's residual |x - G(E(x))| into what a person looks at: smoothed (a small Gaussian, so single noisy
 * pixels do not dominate), coloured with a dark-to-bright ramp, and laid over the image.
 */
public final class Heatmap {

    // Black -> purple -> red -> orange -> pale yellow (perceptually ordered, readable on grey images).
    private static final int[] RAMP = {0x000004, 0x3B0F70, 0x8C2981, 0xDE4968, 0xFE9F6D, 0xFCFDBF};

    private Heatmap() {
    }

    /** Gaussian smoothing of a size x size map; sigma about a thirtieth of the side, at least 0.8 pixels. */
    public static float[] smooth(float[] map, int size) {
        double sigma = Math.max(0.8, size / 30.0);
        int radius = (int) Math.ceil(2.5 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] rows = new float[map.length];
        float[] out = new float[map.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(size - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * map[y * size + xx];
                }
                rows[y * size + x] = acc;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(size - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * rows[yy * size + x];
                }
                out[y * size + x] = acc;
            }
        }
        return out;
    }

    /**
     * A coarse map of g x g cells laid over the network's n x n input (bilinear between cell centres), with the
     * margin the network adds around the image cut off again: a map of the image's size.
     */
    public static float[] upsample(float[] grid, int g, int networkSize, int margin) {
        int size = networkSize - 2 * margin;
        float[] out = new float[size * size];
        double cell = (double) networkSize / g;
        for (int y = 0; y < size; y++) {
            double gy = Math.min(g - 1, Math.max(0, (y + margin + 0.5) / cell - 0.5));
            int y0 = (int) Math.floor(gy);
            int y1 = Math.min(g - 1, y0 + 1);
            double fy = gy - y0;
            for (int x = 0; x < size; x++) {
                double gx = Math.min(g - 1, Math.max(0, (x + margin + 0.5) / cell - 0.5));
                int x0 = (int) Math.floor(gx);
                int x1 = Math.min(g - 1, x0 + 1);
                double fx = gx - x0;
                double top = grid[y0 * g + x0] * (1 - fx) + grid[y0 * g + x1] * fx;
                double bottom = grid[y1 * g + x0] * (1 - fx) + grid[y1 * g + x1] * fx;
                out[y * size + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    /** The map as opaque colours; values at or above {@code scale} get the brightest colour. */
    public static int[] colours(float[] map, float scale) {
        int[] out = new int[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = 0xFF000000 | ramp(scale > 0 ? map[i] / scale : 0);
        }
        return out;
    }

    /**
     * The map over an image: each pixel mixes the image with the map's colour by {@code opacity} times the map's
     * strength there, so clean regions stay visible and strong residuals stand out.
     */
    public static int[] overlay(int[] imageArgb, float[] map, float scale, double opacity) {
        int[] out = new int[imageArgb.length];
        for (int i = 0; i < out.length; i++) {
            double t = scale > 0 ? Math.min(1, Math.max(0, map[i] / scale)) : 0;
            double a = Math.min(1, Math.max(0, opacity)) * Math.sqrt(t);
            int c = ramp(t);
            int p = imageArgb[i];
            int r = (int) Math.round(((p >> 16) & 0xFF) * (1 - a) + ((c >> 16) & 0xFF) * a);
            int g = (int) Math.round(((p >> 8) & 0xFF) * (1 - a) + ((c >> 8) & 0xFF) * a);
            int b = (int) Math.round((p & 0xFF) * (1 - a) + (c & 0xFF) * a);
            out[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    /** RGB of the ramp at t in [0, 1]. */
    static int ramp(double t) {
        double x = Math.min(1, Math.max(0, Double.isNaN(t) ? 0 : t)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** Index of the map's largest value. */
    public static int peak(float[] map) {
        int best = 0;
        for (int i = 1; i < map.length; i++) {
            if (map[i] > map[best]) {
                best = i;
            }
        }
        return best;
    }
}
