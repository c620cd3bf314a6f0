package io.ganstudio.core.quality;

import java.util.Arrays;

/**
 * A set of images as the quality measures take them: n images of {@code channels x size x size} floats in [-1, 1],
 * NCHW (what generators output and {@code ImageDataset.fillBatch} gives), with the conversions the measures need.
 */
public record SampleImages(int count, int channels, int size, float[] pixels) {

    public SampleImages {
        if ((long) count * channels * size * size != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + channels + "x" + size + "x" + size
                    + " need " + (long) count * channels * size * size + " values, got " + pixels.length);
        }
    }

    public int imageFloats() {
        return channels * size * size;
    }

    /** The first n images. */
    public SampleImages first(int n) {
        if (n >= count) {
            return this;
        }
        return new SampleImages(n, channels, size, Arrays.copyOf(pixels, n * imageFloats()));
    }

    /** Images at the given indices, in that order. */
    public SampleImages pick(int[] indices) {
        int f = imageFloats();
        float[] out = new float[indices.length * f];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * f, out, i * f, f);
        }
        return new SampleImages(indices.length, channels, size, out);
    }

    /**
     * The images as the classifier's input, 1 x 28 x 28: colour averaged to gray; a larger or smaller image resized
     * (area average down, bilinear up), or, when {@code padded}, its centre 28 x 28 cut out (the run's data was
     * padded to its size, so the centre is the original image).
     */
    public SampleImages forClassifier(boolean padded) {
        SampleImages gray = gray();
        int target = FashionClassifier.SIZE;
        if (size == target) {
            return gray;
        }
        if (padded && size > target) {
            return gray.centreCrop(target);
        }
        return gray.resized(target);
    }

    /** Pixel-space vectors for distances: at most {@code maxSide} pixels a side (area-averaged down), all channels. */
    public SampleImages forPixelDistances(int maxSide) {
        return size <= maxSide ? this : resized(maxSide);
    }

    SampleImages gray() {
        if (channels == 1) {
            return this;
        }
        int plane = size * size;
        float[] out = new float[count * plane];
        for (int i = 0; i < count; i++) {
            int base = i * channels * plane;
            for (int p = 0; p < plane; p++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += pixels[base + c * plane + p];
                }
                out[i * plane + p] = sum / channels;
            }
        }
        return new SampleImages(count, 1, size, out);
    }

    SampleImages centreCrop(int side) {
        int offset = (size - side) / 2;
        float[] out = new float[count * channels * side * side];
        int o = 0;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < channels; c++) {
                int plane = (i * channels + c) * size * size;
                for (int y = 0; y < side; y++) {
                    System.arraycopy(pixels, plane + (y + offset) * size + offset, out, o, side);
                    o += side;
                }
            }
        }
        return new SampleImages(count, channels, side, out);
    }

    SampleImages resized(int side) {
        float[][] wy = weights(size, side);
        float[] out = new float[count * channels * side * side];
        float[] rows = new float[size * side];
        for (int img = 0; img < count * channels; img++) {
            int in = img * size * size;
            for (int y = 0; y < size; y++) { // rows first
                for (int ox = 0; ox < side; ox++) {
                    float[] w = wy[ox];
                    int s = (int) w[0];
                    float acc = 0;
                    for (int k = 1; k < w.length; k++) {
                        acc += w[k] * pixels[in + y * size + s + k - 1];
                    }
                    rows[y * side + ox] = acc;
                }
            }
            int o = img * side * side;
            for (int oy = 0; oy < side; oy++) {
                float[] w = wy[oy];
                int s = (int) w[0];
                for (int x = 0; x < side; x++) {
                    float acc = 0;
                    for (int k = 1; k < w.length; k++) {
                        acc += w[k] * rows[(s + k - 1) * side + x];
                    }
                    out[o + oy * side + x] = acc;
                }
            }
        }
        return new SampleImages(count, channels, side, out);
    }

    /** Per output index: {first source index, weights...}; area average when shrinking, bilinear when enlarging. */
    private static float[][] weights(int from, int to) {
        float[][] w = new float[to][];
        if (from >= to) {
            double scale = (double) from / to;
            for (int o = 0; o < to; o++) {
                double a = o * scale;
                double b = Math.min(from, (o + 1) * scale);
                int first = (int) Math.floor(a);
                int last = Math.min(from - 1, (int) Math.ceil(b) - 1);
                w[o] = new float[last - first + 2];
                w[o][0] = first;
                for (int p = first; p <= last; p++) {
                    w[o][p - first + 1] = (float) ((Math.min(b, p + 1) - Math.max(a, p)) / scale);
                }
            }
        } else {
            for (int o = 0; o < to; o++) {
                double s = Math.max(0, (o + 0.5) * from / to - 0.5);
                int i0 = Math.min((int) Math.floor(s), from - 1);
                float f = (float) (s - i0);
                w[o] = i0 + 1 < from ? new float[] {i0, 1f - f, f} : new float[] {i0, 1f};
            }
        }
        return w;
    }
}
