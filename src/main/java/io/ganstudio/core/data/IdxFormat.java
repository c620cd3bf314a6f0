package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    static IdxImages readImages(InputStream raw, String name) throws DatasetException, IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(raw));
        int magic = in.readInt();
        int dims = magic & 0xFF;
        if ((magic >>> 16) != 0 || ((magic >> 8) & 0xFF) != UNSIGNED_BYTE || dims < 3 || dims > 4) {
            throw new DatasetException(Phrase.of("data.error.idxNotImages", name));
        }
        int count = in.readInt();
        int height = in.readInt();
        int width = in.readInt();
        int channels = dims == 4 ? in.readInt() : 1;
        if (count < 1 || height < 1 || width < 1 || (channels != 1 && channels != 3)) {
            throw new DatasetException(Phrase.of("data.error.idxShape", name, count, height, width, channels));
        }
        long bytes = (long) count * height * width * channels;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(Phrase.of("data.error.idxTooBig", name, bytes / (1 << 20)));
        }
        byte[] data = new byte[(int) bytes];
        try {
            in.readFully(data);
        } catch (EOFException e) {
            throw new DatasetException(Phrase.of("data.error.idxTruncated", name, count), e);
        }
        return new IdxImages(count, height, width, channels, data, null);
    }

    static int[] readLabels(InputStream raw, String name, int expected) throws DatasetException, IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(raw));
        int magic = in.readInt();
        if (magic != 0x00000801) {
            throw new DatasetException(Phrase.of("data.error.idxNotLabels", name));
        }
        int count = in.readInt();
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
