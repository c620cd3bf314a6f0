package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Reads the IDX format of MNIST-style datasets (unsigned bytes), plain or gzip-compressed. */
final class IdxFormat {

    /**
     * Images as stored: {@code count} records of {@code height x width x channels} bytes (HWC).
     * {@code labels} is null when there is no labels file.
     */
    record IdxImages(int count, int height, int width, int channels, byte[] data, int[] labels) {
    }

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFormat() {
    }

    /** Wraps the stream in a gzip decoder when it starts with the gzip signature. */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        return gzipped(in) ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static boolean gzipped(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** Reads images of unknown stored size (a resource inside the jar); memory grows only with the bytes read. */
    static IdxImages readImages(InputStream raw, String name) throws DatasetException, IOException {
        return readImages(raw, name, -1);
    }

    /**
     * Reads images, trusting no number of the header: the shape is checked in long arithmetic against the file's
     * length ({@code fileBytes}, or -1 when unknown) before anything is allocated, and a compressed file is
     * decompressed into a buffer that grows with the bytes that really arrive, never past the declared size.
     */
    static IdxImages readImages(InputStream raw, String name, long fileBytes) throws DatasetException, IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        boolean compressed = gzipped(buffered);
        DataInputStream in;
        int magic;
        int count;
        int height;
        int width;
        int channels;
        try {
            in = new DataInputStream(compressed
                    ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered);
            magic = in.readInt();
            int dims = magic & 0xFF;
            if ((magic >>> 16) != 0 || ((magic >> 8) & 0xFF) != UNSIGNED_BYTE || dims < 3 || dims > 4) {
                throw new DatasetException(Phrase.of("data.error.idxNotImages", name));
            }
            count = in.readInt();
            height = in.readInt();
            width = in.readInt();
            channels = dims == 4 ? in.readInt() : 1;
        } catch (EOFException e) {
            throw new DatasetException(Phrase.of("data.error.idxShort", name), e);
        }
        if (count < 1 || height < 1 || width < 1 || (channels != 1 && channels != 3)) {
            throw new DatasetException(Phrase.of("data.error.idxShape", name, count, height, width, channels));
        }
        // Each factor is below 2^31, so the product of the three image dimensions fits a long; times count may not.
        long perImage = (long) height * width * channels;
        if (perImage > Integer.MAX_VALUE || (long) count * perImage > Integer.MAX_VALUE - 8) {
            long mb = perImage > Long.MAX_VALUE / count ? Long.MAX_VALUE >> 20 : (count * perImage) >> 20;
            throw new DatasetException(Phrase.of("data.error.idxTooBig", name, mb));
        }
        long bytes = count * perImage;
        int headerBytes = 4 * ((magic & 0xFF) + 1);
        if (!compressed && fileBytes >= 0 && headerBytes + bytes > fileBytes) {
            throw new DatasetException(Phrase.of("data.error.idxTruncated", name, count));
        }
        byte[] data = compressed || fileBytes < 0 ? readGrowing(in, (int) bytes) : new byte[(int) bytes];
        if (data == null) {
            throw new DatasetException(Phrase.of("data.error.idxTruncated", name, count));
        }
        if (!compressed && fileBytes >= 0) {
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new DatasetException(Phrase.of("data.error.idxTruncated", name, count), e);
            }
        }
        return new IdxImages(count, height, width, channels, data, null);
    }

    /** Exactly {@code n} bytes, read into a buffer that doubles as they arrive; null when the stream ends first. */
    private static byte[] readGrowing(InputStream in, int n) throws IOException {
        byte[] buf = new byte[Math.min(n, 1 << 20)];
        int have = 0;
        while (have < n) {
            if (have == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, have, buf.length - have);
            if (r < 0) {
                return null;
            }
            have += r;
        }
        return buf;
    }

    static int[] readLabels(InputStream raw, String name, int expected) throws DatasetException, IOException {
        DataInputStream in;
        int magic;
        int count;
        try {
            in = new DataInputStream(maybeGunzip(raw));
            magic = in.readInt();
            if (magic != 0x00000801) {
                throw new DatasetException(Phrase.of("data.error.idxNotLabels", name));
            }
            count = in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(Phrase.of("data.error.idxShort", name), e);
        }
        if (count != expected) {
            throw new DatasetException(Phrase.of("data.error.idxLabelCount", name, count, expected));
        }
        byte[] raw8 = new byte[count];
        try {
            in.readFully(raw8);
        } catch (EOFException e) {
            throw new DatasetException(Phrase.of("data.error.idxLabelsTruncated", name, count), e);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = raw8[i] & 0xFF;
        }
        return labels;
    }
}
