package io.ganstudio.core.data;

import com.google.gson.Gson;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** fit=pad: small images are centred unscaled on the background; larger ones are still resized. */
class FitPadTest {

    /** A 28x28 image whose pixel (x, y) has gray value 1 + (x + 28 y) % 250: every pixel is findable. */
    private static BufferedImage numbered(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = value(x, y, side);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    private static int value(int x, int y, int side) {
        return 1 + (x + side * y) % 250;
    }

    @Test
    void a28PixelImageSitsInTheCentreOf32WithTheFillAround() {
        int fill = 0x102030;
        byte[] out = Resampler.fit(new ImageRows(numbered(28), DataSpec.WHITE), 32, fill);
        assertEquals(3 * 32 * 32, out.length);
        int[] fillChannels = {0x10, 0x20, 0x30};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int got = out[c * 32 * 32 + y * 32 + x] & 0xFF;
                    boolean inside = x >= 2 && x < 30 && y >= 2 && y < 30;
                    int expected = inside ? value(x - 2, y - 2, 28) : fillChannels[c];
                    assertEquals(expected, got, "channel " + c + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void padOnlyAppliesToSmallerImages() {
        ImageRows big = new ImageRows(numbered(40), DataSpec.WHITE);
        Assertions.assertArrayEquals(Resampler.resize(big, 32), Resampler.fit(big, 32, 0));
        ImageRows small = new ImageRows(numbered(28), DataSpec.WHITE);
        Assertions.assertArrayEquals(Resampler.resize(small, 32), Resampler.fit(small, 32, -1));
    }

    @Test
    void builtInAndIdxPadWithBlackFoldersWithTheirBackground() {
        assertEquals(-1, DataSpec.builtIn().padFill());
        assertEquals(0, DataSpec.builtIn().withFit(Fit.PAD).padFill());
        assertEquals(0, DataSpec.idx("/x").withFit(Fit.PAD).padFill());
        assertEquals(0x123456, new DataSpec(DataSpec.Kind.FOLDER, "/x", 0x123456).withFit(Fit.PAD).padFill());
    }

    @Test
    void anOldConfigWithoutFitOrLimitLoadsAsResizeAll() {
        DataSpec old = new Gson().fromJson("{\"kind\":\"BUILT_IN\",\"background\":16777215}", DataSpec.class);
        assertEquals(Fit.RESIZE, old.fit());
        assertEquals(0, old.limit());
    }

    @Test
    void limitKeepsTheFirstImagesAndTheirLabels() {
        byte[] pixels = new byte[5 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ImageDataset all = new ImageDataset(5, 2, 1, pixels, new int[] {0, 1, 2, 3, 4},
                List.of("a", "b", "c", "d", "e"));
        ImageDataset two = all.first(2);
        assertEquals(2, two.count());
        assertEquals(1, two.label(1));
        assertEquals(7, two.pixels()[7]);
        assertEquals(8, two.pixels().length);
    }
}
