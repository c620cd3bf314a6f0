package io.ganstudio.core.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The centred square of a decoded image as RGB rows, alpha composited on the background, noting whether every
 * pixel was gray. Reads raster samples directly for gray, RGB and palette images: BufferedImage.getRGB would run
 * gray images through a linear-to-sRGB curve (brightening them) and is slow; other colour models use getRGB.
 */
final class ImageRows implements RowSource {

    private enum Layout { GRAY, RGB, PALETTE, OTHER }

    private final BufferedImage image;
    private final Raster raster;
    private final ColorModel model;
    private final Layout layout;
    private final int side;
    private final int x0;
    private final int y0;
    private final int bgR;
    private final int bgG;
    private final int bgB;
    private final int[] max;
    private final int[] samples;
    private final int[] argb;
    // Direct access to 8-bit interleaved pixels (most PNGs and JPEGs): Raster.getSamples is several times slower.
    private final byte[] bytes;
    private final int pixelStride;
    private final int scanlineStride;
    private final int[] bandOffsets;
    private boolean gray = true;

    ImageRows(BufferedImage image, int background) {
        this.image = image;
        this.raster = image.getRaster();
        this.model = image.getColorModel();
        this.side = Math.min(image.getWidth(), image.getHeight());
        this.x0 = (image.getWidth() - side) / 2;
        this.y0 = (image.getHeight() - side) / 2;
        this.bgR = (background >> 16) & 0xFF;
        this.bgG = (background >> 8) & 0xFF;
        this.bgB = background & 0xFF;
        this.layout = layoutOf(model);
        this.max = new int[model.getNumComponents()];
        for (int b = 0; b < max.length; b++) {
            max[b] = (1 << model.getComponentSize(b)) - 1;
        }
        this.samples = new int[side];
        this.argb = new int[side];
        boolean direct = (layout == Layout.GRAY || layout == Layout.RGB)
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0 && raster.getSampleModel() instanceof ComponentSampleModel
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (direct) {
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            this.bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
            this.pixelStride = sm.getPixelStride();
            this.scanlineStride = sm.getScanlineStride();
            this.bandOffsets = sm.getBandOffsets();
        } else {
            this.bytes = null;
            this.pixelStride = 0;
            this.scanlineStride = 0;
            this.bandOffsets = null;
        }
    }

    private static Layout layoutOf(ColorModel cm) {
        if (cm instanceof IndexColorModel) {
            return Layout.PALETTE;
        }
        boolean plain = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                && !cm.isAlphaPremultiplied();
        if (!plain) {
            return Layout.OTHER;
        }
        int type = cm.getColorSpace().getType();
        if (type == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            return Layout.GRAY;
        }
        if (type == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3) {
            return Layout.RGB;
        }
        return Layout.OTHER;
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int channels() {
        return 3;
    }

    /** True when every row read so far had R = G = B after compositing. */
    boolean isGray() {
        return gray;
    }

    @Override
    public void row(int y, int[][] out) {
        int[] r = out[0];
        int[] g = out[1];
        int[] b = out[2];
        switch (layout) {
            case GRAY -> {
                fill(0, y, r);
                copy(r, g);
                copy(r, b);
            }
            case RGB -> {
                fill(0, y, r);
                fill(1, y, g);
                fill(2, y, b);
            }
            default -> {
                readArgb(y);
                for (int x = 0; x < side; x++) {
                    int p = argb[x];
                    r[x] = (p >> 16) & 0xFF;
                    g[x] = (p >> 8) & 0xFF;
                    b[x] = p & 0xFF;
                }
            }
        }
        composite(y, r, g, b);
        if (gray) {
            for (int x = 0; x < side; x++) {
                if (r[x] != g[x] || g[x] != b[x]) {
                    gray = false;
                    break;
                }
            }
        }
    }

    private void fill(int band, int y, int[] dst) {
        if (bytes != null) {
            int i = (y0 + y) * scanlineStride + x0 * pixelStride + bandOffsets[band];
            for (int x = 0; x < side; x++, i += pixelStride) {
                dst[x] = bytes[i] & 0xFF;
            }
            return;
        }
        raster.getSamples(x0, y0 + y, side, 1, band, dst);
        scale(dst, max[band]);
    }

    private void readArgb(int y) {
        if (layout == Layout.PALETTE) {
            raster.getSamples(x0, y0 + y, side, 1, 0, samples);
            for (int x = 0; x < side; x++) {
                argb[x] = model.getRGB(samples[x]);
            }
        } else {
            image.getRGB(x0, y0 + y, side, 1, argb, 0, side);
        }
    }

    private void composite(int y, int[] r, int[] g, int[] b) {
        if (!model.hasAlpha()) {
            return;
        }
        if (layout == Layout.GRAY || layout == Layout.RGB) {
            fill(model.getNumComponents() - 1, y, samples);
        } else {
            for (int x = 0; x < side; x++) {
                samples[x] = argb[x] >>> 24;
            }
        }
        for (int x = 0; x < side; x++) {
            int a = samples[x];
            if (a != 255) {
                r[x] = (r[x] * a + bgR * (255 - a) + 127) / 255;
                g[x] = (g[x] * a + bgG * (255 - a) + 127) / 255;
                b[x] = (b[x] * a + bgB * (255 - a) + 127) / 255;
            }
        }
    }

    private static void scale(int[] values, int max) {
        if (max == 255) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) ((values[i] * 255L + max / 2) / max);
        }
    }

    private static void copy(int[] from, int[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
    }
}
