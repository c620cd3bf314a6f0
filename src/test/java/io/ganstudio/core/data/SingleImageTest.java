package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A photo for projection is prepared like training data, and bad files are refused with a reason. */
class SingleImageTest {

    @TempDir
    Path dir;

    @Test
    void colourForAGrayModelIsMadeGrayAndTransparencyTakesTheBackground() throws Exception {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                img.setRGB(x, y, x < 15 ? 0x00FFFFFF : 0xFFFF0000); // transparent white | opaque red
            }
        }
        Path png = dir.resolve("photo.png");
        ImageIO.write(img, "png", png.toFile());
        SingleImage.Prepared gray = SingleImage.read(png, DataSpec.builtIn(), 16, 1);
        assertTrue(gray.madeGray());
        assertEquals(16 * 16, gray.pixels().length);
        assertEquals(-1f, gray.pixels()[8 * 16], 0.02f, "transparent on the built-in set's black background");
        assertEquals(0.299f * 2 - 1, gray.pixels()[8 * 16 + 15], 0.03f, "red as its luminance");
        SingleImage.Prepared colour = SingleImage.read(png, DataSpec.builtIn(), 16, 3);
        assertFalse(colour.madeGray());
        assertEquals(3 * 16 * 16, colour.pixels().length);
        assertEquals(30, colour.width());
    }

    @Test
    void corruptAndMissingFilesAreRefusedWithAReason() throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        DatasetException e = assertThrows(DatasetException.class,
                () -> SingleImage.read(broken, DataSpec.builtIn(), 16, 1));
        assertFalse(e.getMessage().isBlank());
        DatasetException missing = assertThrows(DatasetException.class,
                () -> SingleImage.read(dir.resolve("none.png"), DataSpec.builtIn(), 16, 1));
        assertTrue(missing.getMessage().contains("none.png"), missing.getMessage());
    }
}
