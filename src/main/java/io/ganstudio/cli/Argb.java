package io.ganstudio.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generator output (NCHW floats in [-1, 1]) to ARGB pixels, and ARGB pixels to PNG files. */
final class Argb {

    private Argb() {
    }

    static int[] fromNchw(float[] nchw, int index, int channels, int size) {
        int plane = size * size;
        int base = index * channels * plane;
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = toByte(nchw[base + p]);
            int g = channels == 3 ? toByte(nchw[base + plane + p]) : r;
            int b = channels == 3 ? toByte(nchw[base + 2 * plane + p]) : r;
            out[p] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int toByte(float v) {
        int x = Math.round((v + 1f) * 127.5f);
        return Math.max(0, Math.min(255, x));
    }

    static void writePng(int[] argb, int width, int height, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
