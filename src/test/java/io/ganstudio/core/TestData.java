package io.ganstudio.core;

import io.ganstudio.core.data.ImageDataset;

import java.util.List;
import java.util.Random;

/** Tiny synthetic datasets for tests. */
public final class TestData {

    private TestData() {
    }

    /**
     * Dark images each holding one bright rectangle of random position and size: varied enough for batch norm in the
     * discriminator to tell batches apart, simple enough that a tiny GAN learns the pixel statistics in a few dozen
     * steps.
     */
    public static ImageDataset rectangles(int count, int size, int channels, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[count * channels * size * size];
        for (int i = 0; i < count; i++) {
            int w = size / 4 + r.nextInt(size / 2);
            int h = size / 4 + r.nextInt(size / 2);
            int x0 = r.nextInt(size - w + 1);
            int y0 = r.nextInt(size - h + 1);
            int bright = 200 + r.nextInt(56);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        boolean inside = y >= y0 && y < y0 + h && x >= x0 && x < x0 + w;
                        px[((i * channels + c) * size + y) * size + x] = (byte) (inside ? bright : 10);
                    }
                }
            }
        }
        return new ImageDataset(count, size, channels, px, null, List.of());
    }

    /** Uniform random pixels. */
    public static ImageDataset noise(int count, int size, int channels, long seed) {
        byte[] px = new byte[count * channels * size * size];
        new Random(seed).nextBytes(px);
        return new ImageDataset(count, size, channels, px, null, List.of());
    }
}
