package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files javax.imageio alone gets wrong or cannot read: CMYK JPEG, 16-bit, palette, alpha. */
class FormatsTest {

    @TempDir
    Path dir;

    private ImageDataset loadOne(Path file, int background) throws DatasetException {
        DataSpec spec = new DataSpec(DataSpec.Kind.FOLDER, file.getParent().toString(), background);
        LoadResult r = DatasetLoader.load(spec, 4, LoadOptions.defaults().withThreads(1), LoadProgress.NONE);
        assertEquals(1, r.report().loaded(), () -> r.report().skipped().toString());
        return r.dataset();
    }

    private static int[] rgbAt(ImageDataset d, int pixel) {
        int[] argb = d.argb(0);
        int p = argb[pixel];
        return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
    }

    /**
     * A four-component JPEG with the Adobe APP14 marker real CMYK files carry (the JDK writer leaves it out).
     * Photoshop stores CMYK inverted, so stored (255, 0, 0, 255) is no cyan, full magenta and yellow, no black: red.
     * YCCK (transform 2) stores C, M, Y as the YCbCr of (255 - C', 255 - M', 255 - Y') for those stored C', M', Y':
     * (0, 255, 255) is Y 179, Cb 171, Cr 1; K stays as it is.
     */
    private Path adobeJpeg(String name, int[] stored, int transform) throws Exception {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, stored);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(raster, null, null));
        }
        writer.dispose();
        byte[] plain = bytes.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] jpeg = new byte[plain.length + app14.length];
        System.arraycopy(plain, 0, jpeg, 0, 2);
        System.arraycopy(app14, 0, jpeg, 2, app14.length);
        System.arraycopy(plain, 2, jpeg, 2 + app14.length, plain.length - 2);
        return Files.write(Files.createDirectories(dir.resolve(name)).resolve(name + ".jpg"), jpeg);
    }

    private void assertRed(Path file) throws Exception {
        ImageDataset d = loadOne(file, DataSpec.WHITE);
        assertEquals(3, d.channels());
        int[] rgb = rgbAt(d, 5);
        assertTrue(rgb[0] > 180 && rgb[1] < 80 && rgb[2] < 80, "red, got " + Arrays.toString(rgb));
    }

    @Test
    void cmykJpeg() throws Exception {
        assertRed(adobeJpeg("cmyk", new int[] {255, 0, 0, 255}, 0));
    }

    @Test
    void ycckJpeg() throws Exception {
        assertRed(adobeJpeg("ycck", new int[] {179, 171, 1, 255}, 2));
    }

    @Test
    void sixteenBitGrayPngIsScaledNotClipped() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.getRaster().setSample(x, y, 0, 0x8080);
            }
        }
        ImageDataset d = loadOne(TestImages.write(img, "png", dir.resolve("deep.png")), DataSpec.WHITE);
        assertEquals(1, d.channels());
        assertEquals(128, d.pixels()[0] & 0xFF, "0x8080 of 0xFFFF is 128 of 255, not brightened by gamma");
    }

    @Test
    void sixteenBitRgbPng() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                raster.setPixel(x, y, new int[] {0xFFFF, 0x8080, 0});
            }
        }
        BufferedImage img = new BufferedImage(cm, raster, false, null);
        ImageDataset d = loadOne(TestImages.write(img, "png", dir.resolve("deep-rgb.png")), DataSpec.WHITE);
        assertEquals(3, d.channels());
        assertEquals(List.of(255, 128, 0),
                Arrays.stream(rgbAt(d, 0)).boxed().toList());
    }

    @Test
    void palettePng() throws Exception {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.getRaster().setSample(x, y, 0, x < 4 ? 0 : 1);
            }
        }
        ImageDataset d = loadOne(TestImages.write(img, "png", dir.resolve("palette.png")), DataSpec.WHITE);
        assertEquals(3, d.channels());
        assertEquals(List.of(255, 0, 0), Arrays.stream(rgbAt(d, 0)).boxed().toList());
        assertEquals(List.of(0, 0, 255), Arrays.stream(rgbAt(d, 3)).boxed().toList());
    }

    @Test
    void transparentPixelsTakeTheBackground() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                // Left half fully transparent, right half opaque black at half alpha.
                img.setRGB(x, y, x < 4 ? 0x00FF0000 : 0x80000000);
            }
        }
        Path file = TestImages.write(img, "png", dir.resolve("alpha.png"));
        ImageDataset onWhite = loadOne(file, DataSpec.WHITE);
        assertEquals(List.of(255, 255, 255), Arrays.stream(rgbAt(onWhite, 0)).boxed().toList());
        assertEquals(127, rgbAt(onWhite, 3)[0], "half-transparent black on white is mid gray");
        ImageDataset onGreen = loadOne(file, 0x00FF00);
        assertEquals(List.of(0, 255, 0), Arrays.stream(rgbAt(onGreen, 0)).boxed().toList());
    }

    @Test
    void everyWritableFormatLoads() throws Exception {
        BufferedImage img = TestImages.solid(10, 10, 0x204080);
        for (String format : new String[] {"png", "jpg", "bmp", "gif", "tiff"}) {
            TestImages.write(img, format, dir.resolve("all/img." + format));
        }
        TestImages.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_BINARY), "wbmp", dir.resolve("all/img.wbmp"));
        LoadResult r = DatasetLoader.load(DataSpec.folder(dir.resolve("all").toString()), 4,
                LoadOptions.defaults(), LoadProgress.NONE);
        assertEquals(6, r.report().loaded(), r.report().skipped().toString());
        assertEquals(Set.of("png", "jpeg", "bmp", "gif", "tiff", "wbmp"), r.report().formats().keySet());
    }
}
