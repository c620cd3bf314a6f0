package io.ganstudio.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Phone cameras store photos as the sensor saw them and record in EXIF how to turn them upright; ImageIO ignores
 * that tag, so without this a portrait photo trains on its side. Reads the tag from a JPEG's APP1 segment and turns
 * the decoded square image the same way (the centre square of a turned image is the turned centre square).
 */
final class ExifOrientation {

    /** The tag's value for an image that is already upright. */
    static final int UPRIGHT = 1;

    private static final int HEADER_LIMIT = 256 * 1024;

    private ExifOrientation() {
    }

    /** The EXIF orientation (1..8) of a JPEG file, or 1 when it has none or the file is not a JPEG. */
    static int read(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_LIMIT);
        } catch (IOException e) {
            return UPRIGHT;
        }
        return parse(head);
    }

    static int parse(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return UPRIGHT;
        }
        int p = 2;
        while (p + 4 <= b.length && (b[p] & 0xFF) == 0xFF) {
            int marker = b[p + 1] & 0xFF;
            int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                return UPRIGHT; // image data starts: no EXIF before it
            }
            int start = p + 4;
            if (marker == 0xE1 && start + 6 <= b.length && b[start] == 'E' && b[start + 1] == 'x'
                    && b[start + 2] == 'i' && b[start + 3] == 'f') {
                return fromTiff(b, start + 6, Math.min(b.length, p + 2 + length));
            }
            p += 2 + length;
        }
        return UPRIGHT;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return UPRIGHT;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return UPRIGHT;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + 12 * i;
            if (e + 12 > end) {
                break;
            }
            if (u16(b, e, little) == 0x0112) {
                int value = u16(b, e + 8, little);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int x = b[i] & 0xFF;
        int y = b[i + 1] & 0xFF;
        return little ? x | (y << 8) : (x << 8) | y;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long lo = u16(b, little ? i : i + 2, little);
        long hi = u16(b, little ? i + 2 : i, little);
        return (hi << 16) | lo;
    }

    /** Turns a square CHW image ({@code channels * size * size} bytes) upright for the given orientation. */
    static byte[] apply(byte[] chw, int channels, int size, int orientation) {
        if (orientation == UPRIGHT) {
            return chw;
        }
        byte[] out = new byte[chw.length];
        int last = size - 1;
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int sx;
                    int sy;
                    switch (orientation) {
                        case 2 -> { sx = last - x; sy = y; }
                        case 3 -> { sx = last - x; sy = last - y; }
                        case 4 -> { sx = x; sy = last - y; }
                        case 5 -> { sx = y; sy = x; }
                        case 6 -> { sx = y; sy = last - x; }
                        case 7 -> { sx = last - y; sy = last - x; }
                        case 8 -> { sx = last - y; sy = x; }
                        default -> { sx = x; sy = y; }
                    }
                    out[c * plane + y * size + x] = chw[c * plane + sy * size + sx];
                }
            }
        }
        return out;
    }
}
