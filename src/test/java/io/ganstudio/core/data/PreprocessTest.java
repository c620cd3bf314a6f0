package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Centre crop, area-average shrinking, bilinear enlarging, mixed sizes. */
class PreprocessTest {

    @TempDir
    Path dir;

    private static byte[] resize(BufferedImage img, int size) {
        return Resampler.resize(new ImageRows(img, DataSpec.WHITE), size);
    }

    private static BufferedImage bands(int w, int h, boolean horizontal) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int long3 = (horizontal ? w : h) / 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int along = horizontal ? x : y;
                img.setRGB(x, y, along < long3 ? 0xFF0000 : along < 2 * long3 ? 0x0000FF : 0x00FF00);
            }
        }
        return img;
    }

    @Test
    void wideAndTallImagesKeepTheirCentre() {
        for (BufferedImage img : new BufferedImage[] {bands(30, 10, true), bands(10, 30, false)}) {
            byte[] out = resize(img, 5);
            for (int p = 0; p < 25; p++) {
                assertEquals(0, out[p], "red plane");
                assertEquals(0, out[25 + p], "green plane");
                assertEquals(-1, out[50 + p], "blue plane is 255");
            }
        }
    }

    @Test
    void shrinkingAveragesAreaInsteadOfPickingPixels() {
        BufferedImage checker = new BufferedImage(60, 60, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                checker.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }
        for (int size : new int[] {8, 12, 30}) {
            byte[] out = resize(checker, size);
            for (byte b : out) {
                // Nearest neighbour would give 0 or 255 here; an area average gives mid gray (7.5:1 is not exact).
                assertTrue(Math.abs((b & 0xFF) - 127.5) < 12, size + ": " + (b & 0xFF));
            }
        }
    }

    @Test
    void areaAverageIsExactForWholeBlocks() {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 10, 200, 220, 20, 30, 180, 240, 0, 0, 0, 0, 100, 100, 0, 4};
        img.getRaster().setSamples(0, 0, 4, 4, 0, values);
        byte[] out = resize(img, 2);
        assertEquals(15, out[0]);
        assertEquals(210, out[1] & 0xFF);
        assertEquals(50, out[2]);
        assertEquals(1, out[3]);
    }

    @Test
    void enlargingIsSmooth() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 255, 0, 255});
        byte[] out = resize(img, 8);
        int previous = -1;
        int distinct = 0;
        for (int x = 0; x < 8; x++) {
            int v = out[x] & 0xFF;
            assertTrue(v >= previous, "monotonic left to right");
            distinct += v != previous ? 1 : 0;
            previous = v;
        }
        assertEquals(0, out[0]);
        assertEquals(255, out[7] & 0xFF);
        assertTrue(distinct >= 5, "a gradient, not two blocks: " + distinct);
    }

    @Test
    void sameSizeIsUnchanged() {
        BufferedImage img = TestImages.noise(6, 6, 9);
        byte[] out = resize(img, 6);
        for (int p = 0; p < 36; p++) {
            int rgb = img.getRGB(p % 6, p / 6);
            assertEquals((rgb >> 16) & 0xFF, out[p] & 0xFF);
            assertEquals(rgb & 0xFF, out[72 + p] & 0xFF);
        }
    }

    @Test
    void mixedSizesLoadAndAreCounted() throws Exception {
        TestImages.png(dir.resolve("a.png"), 5, 7, 0x102030);
        TestImages.png(dir.resolve("b.png"), 100, 40, 0x102030);
        TestImages.write(TestImages.solid(300, 300, 0x102030), "jpg", dir.resolve("c.jpg"));
        TestImages.png(dir.resolve("d.png"), 16, 16, 0x102030);
        LoadResult r = DatasetLoader.load(DataSpec.folder(dir.toString()), 16, LoadOptions.defaults(),
                LoadProgress.NONE);
        assertEquals(4, r.dataset().count());
        assertEquals(16, r.dataset().imageSize());
        assertEquals(1, r.report().upscaled());
        assertEquals(Map.of("< 32 px", 2, "32-63 px", 1, "256-511 px", 1), r.report().shortSides());
        assertEquals("[< 32 px, 32-63 px, 256-511 px]", r.report().shortSides().keySet().toString(), "smallest first");
        byte[] first = Arrays.copyOfRange(r.dataset().pixels(), 0, 3);
        assertArrayEquals(new byte[] {0x10, 0x10, 0x10}, first, "solid colour survives resizing");
    }
}
