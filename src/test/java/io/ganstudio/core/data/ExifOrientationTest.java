package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone photos: the EXIF orientation tag turns the decoded image upright. */
class ExifOrientationTest {

    @TempDir
    Path dir;

    /** Left half black, right half white: every turn or mirror moves the black half somewhere else. */
    private static byte[] halfBlackJpeg() throws Exception {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 16; x < 32; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 EXIF segment holding one IFD entry: orientation, big- or little-endian. */
    private static byte[] withOrientation(byte[] jpeg, int orientation, boolean little) {
        byte[] tiff = little
                ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                        (byte) orientation, 0, 0, 0, 0, 0, 0, 0}
                : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                        0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length,
                'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private ImageDataset load(byte[] file) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos-" + System.nanoTime()));
        Files.write(folder.resolve("photo.jpg"), file);
        return DatasetLoader.load(DataSpec.folder(folder.toString()), 16, LoadOptions.defaults().withCacheDir(null),
                LoadProgress.NONE).dataset();
    }

    /** Mean brightness of the image's top half minus its bottom half, and left minus right. */
    private static int[] balance(ImageDataset d) {
        int[] argb = d.argb(0);
        long top = 0;
        long left = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int v = argb[y * 16 + x] & 0xFF;
                top += y < 8 ? v : -v;
                left += x < 8 ? v : -v;
            }
        }
        return new int[] {(int) (top / 128), (int) (left / 128)};
    }

    @Test
    void noTagKeepsTheImageAsStored() throws Exception {
        int[] b = balance(load(halfBlackJpeg()));
        assertTrue(b[1] < -200, "black half on the left: " + b[1]);
        assertEquals(0, b[0], 8);
    }

    @Test
    void rotatedPhotosAreTurnedUpright() throws Exception {
        // 6: stored rotated, display turns it 90 degrees clockwise: the left (black) half goes to the top.
        int[] cw = balance(load(withOrientation(halfBlackJpeg(), 6, false)));
        assertTrue(cw[0] < -200, "black half on top after orientation 6: " + cw[0]);
        // 8: 90 degrees counter-clockwise: the black half goes to the bottom.
        int[] ccw = balance(load(withOrientation(halfBlackJpeg(), 8, true)));
        assertTrue(ccw[0] > 200, "black half at the bottom after orientation 8: " + ccw[0]);
        // 3: 180 degrees, and 2: mirrored: the black half goes to the right.
        assertTrue(balance(load(withOrientation(halfBlackJpeg(), 3, true)))[1] > 200);
        assertTrue(balance(load(withOrientation(halfBlackJpeg(), 2, false)))[1] > 200);
    }

    @Test
    void brokenOrMissingExifIsIgnored() {
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.parse(new byte[] {1, 2, 3}));
        byte[] cut = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 40, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M'};
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.parse(cut));
    }
}
