package io.ganstudio.core.lesson;

import io.ganstudio.core.data.ImageDataset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder's or IDX file's prepared images (decoded, cropped, resized to the model's size, in training order) as the
 * IDX files a lesson carries: the other laptop trains on exactly these bytes, whatever its image decoders would make
 * of the originals.
 */
final class EmbeddedData {

    /** The most image bytes a lesson carries (uncompressed): 64 MiB, e.g. 5,000 colour images of 64x64. */
    static final long MAX_BYTES = 64L << 20;

    private EmbeddedData() {
    }

    /** The images as an IDX file: rank 3 (count, side, side) for gray, rank 4 (count, side, side, 3) for colour, HWC. */
    static byte[] imagesIdx(ImageDataset d) throws IOException {
        int s = d.imageSize();
        int c = d.channels();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + d.pixels().length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | (c == 1 ? 3 : 4));
        out.writeInt(d.count());
        out.writeInt(s);
        out.writeInt(s);
        if (c != 1) {
            out.writeInt(c);
        }
        byte[] px = d.pixels();
        int plane = s * s;
        byte[] hwc = new byte[c * plane];
        for (int i = 0; i < d.count(); i++) {
            int base = i * c * plane;
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    hwc[p * c + ch] = px[base + ch * plane + p];
                }
            }
            out.write(hwc);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** The class labels as an IDX labels file, or null when the images have no classes. */
    static byte[] labelsIdx(ImageDataset d) throws IOException {
        if (!d.hasLabels()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + d.count());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(d.count());
        for (int i = 0; i < d.count(); i++) {
            out.writeByte(d.label(i));
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Why the embedded IDX files do not hold what lesson.json says (count, side, channels, the model's size), or
     * null when they do. Checked in long arithmetic, so no declared count can overflow.
     */
    static String shapeProblem(byte[] images, byte[] labels, int count, int size, int channels, int modelSize,
                               int modelChannels) {
        if (count < 1 || size != modelSize || channels != modelChannels) {
            return "its images are described as " + count + " of " + size + " px with " + channels
                    + " channels, for a model of " + modelSize + " px with " + modelChannels;
        }
        int headerBytes = channels == 1 ? 16 : 20;
        long expected = headerBytes + (long) count * size * size * channels;
        if (images.length != expected) {
            return "its images file has " + images.length + " bytes, not the " + expected + " of " + count
                    + " images";
        }
        ByteBuffer h = ByteBuffer.wrap(images);
        if (h.getInt(0) != (0x0800 | (channels == 1 ? 3 : 4)) || h.getInt(4) != count || h.getInt(8) != size
                || h.getInt(12) != size || (channels != 1 && h.getInt(16) != channels)) {
            return "its images file does not describe " + count + " images of " + size + " px";
        }
        if (labels != null && (labels.length != 8L + count || ByteBuffer.wrap(labels).getInt(0) != 0x0801
                || ByteBuffer.wrap(labels).getInt(4) != count)) {
            return "its labels file does not hold one label for each of the " + count + " images";
        }
        return null;
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                if (p != null) {
                    md.update(p);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
