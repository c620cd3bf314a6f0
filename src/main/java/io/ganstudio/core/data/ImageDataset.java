package io.ganstudio.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decoded training images, all square and of one size, stored as bytes (a quarter of the memory of floats).
 * Image i occupies {@code pixels[i*C*S*S .. (i+1)*C*S*S)} in channel-major (CHW) order, values 0..255.
 */
public final class ImageDataset {

    private final int count;
    private final int imageSize;
    private final int channels;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param labels     class index per image, or -1 for none; null when the source has no classes
     * @param classNames names for the class indices (empty when there are none)
     */
    public ImageDataset(int count, int imageSize, int channels, byte[] pixels, int[] labels, List<String> classNames) {
        if (count < 1) {
            throw new IllegalArgumentException("a dataset needs at least one image");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        if (pixels.length != (long) count * channels * imageSize * imageSize) {
            throw new IllegalArgumentException("pixel buffer holds " + pixels.length + " bytes, expected "
                    + (long) count * channels * imageSize * imageSize);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException("labels: " + labels.length + " for " + count + " images");
        }
        this.count = count;
        this.imageSize = imageSize;
        this.channels = channels;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(Objects.requireNonNull(classNames));
    }

    public int count() {
        return count;
    }

    public int imageSize() {
        return imageSize;
    }

    public int channels() {
        return channels;
    }

    public int imageBytes() {
        return channels * imageSize * imageSize;
    }

    /** The raw bytes; do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** Class index of image i, or -1 when it has none. */
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    public boolean hasLabels() {
        return labels != null && !classNames.isEmpty();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The first {@code n} images (and their labels) as a dataset of their own, for training on fewer images. */
    public ImageDataset first(int n) {
        if (n >= count) {
            return this;
        }
        byte[] part = Arrays.copyOf(pixels, n * imageBytes());
        return new ImageDataset(n, imageSize, channels, part, labels == null ? null : Arrays.copyOf(labels,
                n), classNames);
    }

    /** Writes the given images into {@code out} as floats in [-1, 1], NCHW. */
    public void fillBatch(int[] indices, float[] out) {
        int n = imageBytes();
        for (int b = 0; b < indices.length; b++) {
            int src = indices[b] * n;
            int dst = b * n;
            for (int k = 0; k < n; k++) {
                out[dst + k] = (pixels[src + k] & 0xFF) * (2f / 255f) - 1f;
            }
        }
    }

    /** Image i as opaque ARGB pixels, row-major, for thumbnails and nearest-neighbour views. */
    public int[] argb(int i) {
        int plane = imageSize * imageSize;
        int base = i * imageBytes();
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = pixels[base + p] & 0xFF;
            int g = channels == 3 ? pixels[base + plane + p] & 0xFF : r;
            int b = channels == 3 ? pixels[base + 2 * plane + p] & 0xFF : r;
            out[p] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }
}
