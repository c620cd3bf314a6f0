package io.ganstudio.core.data;

import java.util.Arrays;

/**
 * Resizes a square image to {@code size x size}: exact area averaging when shrinking (every source pixel counts
 * by the fraction of it an output pixel covers, so no aliasing), bilinear when enlarging. Separable: rows first.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Brings a square image to {@code size x size}: with {@code padFill} of -1 by resizing; otherwise an image
     * smaller than {@code size} is placed unscaled in the centre on a {@code padFill} (0xRRGGBB) background, and a
     * larger one is resized as before. Returns {@code channels * size * size} bytes in CHW order.
     */
    static byte[] fit(RowSource src, int size, int padFill) {
        int m = src.side();
        if (padFill < 0 || m >= size) {
            return resize(src, size);
        }
        int ch = src.channels();
        byte[] out = new byte[ch * size * size];
        for (int c = 0; c < ch; c++) {
            // One channel takes the fill's green, the channel the eye weighs most (any gray fill is exact).
            int shift = ch == 1 ? 8 : 16 - 8 * c;
            Arrays.fill(out, c * size * size, (c + 1) * size * size, (byte) (padFill >> shift));
        }
        int offset = (size - m) / 2;
        int[][] line = new int[ch][m];
        for (int y = 0; y < m; y++) {
            src.row(y, line);
            for (int c = 0; c < ch; c++) {
                int o = c * size * size + (offset + y) * size + offset;
                for (int x = 0; x < m; x++) {
                    out[o + x] = (byte) line[c][x];
                }
            }
        }
        return out;
    }

    /** Returns {@code channels * size * size} bytes in CHW order. */
    static byte[] resize(RowSource src, int size) {
        int m = src.side();
        int ch = src.channels();
        Axis axis = Axis.of(m, size);
        float[][] rows = new float[ch][m * size];
        int[][] line = new int[ch][m];
        for (int y = 0; y < m; y++) {
            src.row(y, line);
            for (int c = 0; c < ch; c++) {
                axis.apply(line[c], rows[c], y * size);
            }
        }
        byte[] out = new byte[ch * size * size];
        float[] acc = new float[size];
        for (int c = 0; c < ch; c++) {
            float[] r = rows[c];
            int plane = c * size * size;
            for (int oy = 0; oy < size; oy++) {
                int start = axis.start[oy];
                float[] w = axis.weights[oy];
                Arrays.fill(acc, 0f);
                // Whole rows at a time: sequential memory access, which the JIT vectorises.
                for (int k = 0; k < w.length; k++) {
                    float wk = w[k];
                    int row = (start + k) * size;
                    for (int x = 0; x < size; x++) {
                        acc[x] += wk * r[row + x];
                    }
                }
                int o = plane + oy * size;
                for (int x = 0; x < size; x++) {
                    out[o + x] = toByte(acc[x]);
                }
            }
        }
        return out;
    }

    private static byte toByte(float v) {
        int i = Math.round(v);
        return (byte) (i < 0 ? 0 : Math.min(i, 255));
    }

    /** Per output index: the first source index and the weights of the source pixels from there on. */
    static final class Axis {
        final int[] start;
        final float[][] weights;

        private Axis(int[] start, float[][] weights) {
            this.start = start;
            this.weights = weights;
        }

        static Axis of(int from, int to) {
            return from >= to ? area(from, to) : bilinear(from, to);
        }

        private static Axis area(int from, int to) {
            double scale = (double) from / to;
            int[] start = new int[to];
            float[][] w = new float[to][];
            for (int o = 0; o < to; o++) {
                double a = o * scale;
                double b = Math.min(from, (o + 1) * scale);
                int first = (int) Math.floor(a);
                int last = Math.min(from - 1, (int) Math.ceil(b) - 1);
                start[o] = first;
                w[o] = new float[last - first + 1];
                for (int p = first; p <= last; p++) {
                    w[o][p - first] = (float) ((Math.min(b, p + 1) - Math.max(a, p)) / scale);
                }
            }
            return new Axis(start, w);
        }

        private static Axis bilinear(int from, int to) {
            int[] start = new int[to];
            float[][] w = new float[to][];
            for (int o = 0; o < to; o++) {
                double s = Math.max(0, (o + 0.5) * from / to - 0.5);
                int i0 = Math.min((int) Math.floor(s), from - 1);
                float f = (float) (s - i0);
                start[o] = i0;
                w[o] = i0 + 1 < from ? new float[] {1f - f, f} : new float[] {1f};
            }
            return new Axis(start, w);
        }

        void apply(int[] in, float[] out, int offset) {
            for (int o = 0; o < start.length; o++) {
                float[] w = weights[o];
                int s = start[o];
                float acc = 0f;
                for (int k = 0; k < w.length; k++) {
                    acc += w[k] * in[s + k];
                }
                out[offset + o] = acc;
            }
        }
    }
}
