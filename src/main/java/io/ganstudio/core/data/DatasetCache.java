package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Stores a decoded dataset and its report in one file, written to a temporary file and renamed into place so a
 * crash never leaves half a cache. A CRC over the whole content catches damaged files, which are then ignored.
 */
final class DatasetCache {

    private static final String MAGIC = "GANSTUDIO-DATASET-CACHE";
    private static final int FORMAT = 2; // 2: skip reasons stored as phrase key and values

    private DatasetCache() {
    }

    /** The cached result for this key, or null when there is none, it is stale, or it is damaged. */
    static LoadResult read(Path dir, CacheKey key) {
        Path file = dir.resolve(key.fileName());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            if (!MAGIC.equals(readString(in)) || in.readInt() != FORMAT || !key.contentHash().equals(readString(in))) {
                return null;
            }
            ImageDataset dataset = readDataset(in);
            DataReport report = readReport(in);
            long expected = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            return stored == expected && raw.read() == -1 ? new LoadResult(dataset, report) : null;
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file is just a cache miss: the dataset is decoded again and the file replaced.
            return null;
        }
    }

    /** Writes the cache; returns false (and leaves no partial file) when the folder cannot be written. */
    static boolean write(Path dir, CacheKey key, LoadResult result) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key.fileName(), ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                writeString(out, MAGIC);
                out.writeInt(FORMAT);
                writeString(out, key.contentHash());
                writeDataset(out, result.dataset());
                writeReport(out, result.report());
                out.flush();
                new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
            }
            Path target = dir.resolve(key.fileName());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            return false;
        }
    }

    private static void writeDataset(DataOutputStream out, ImageDataset d) throws IOException {
        out.writeInt(d.count());
        out.writeInt(d.imageSize());
        out.writeInt(d.channels());
        out.writeBoolean(d.hasLabels());
        if (d.hasLabels()) {
            for (int i = 0; i < d.count(); i++) {
                out.writeInt(d.label(i));
            }
        }
        writeStrings(out, d.classNames());
        out.write(d.pixels());
    }

    private static ImageDataset readDataset(DataInputStream in) throws IOException {
        int count = in.readInt();
        int size = in.readInt();
        int channels = in.readInt();
        int[] labels = null;
        if (in.readBoolean()) {
            labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readInt();
            }
        }
        List<String> classNames = readStrings(in);
        long bytes = (long) count * channels * size * size;
        if (count < 1 || size < 1 || bytes > Integer.MAX_VALUE) {
            throw new IOException("implausible dataset header");
        }
        byte[] pixels = new byte[(int) bytes];
        in.readFully(pixels);
        return new ImageDataset(count, size, channels, pixels, labels, classNames);
    }

    private static void writeReport(DataOutputStream out, DataReport r) throws IOException {
        writeString(out, r.source());
        out.writeInt(r.imageSize());
        out.writeInt(r.channels());
        out.writeInt(r.found());
        out.writeInt(r.loaded());
        out.writeInt(r.skipped().size());
        for (SkippedFile s : r.skipped()) {
            writeString(out, s.path().toString());
            writeString(out, s.why().key());
            out.writeInt(s.why().values().size());
            for (String v : s.why().values()) {
                writeString(out, v);
            }
        }
        writeCounts(out, r.perClass());
        writeCounts(out, r.shortSides());
        out.writeInt(r.upscaled());
        writeCounts(out, r.formats());
        out.writeDouble(r.firstLoadSeconds());
    }

    private static DataReport readReport(DataInputStream in) throws IOException {
        String source = readString(in);
        int size = in.readInt();
        int channels = in.readInt();
        int found = in.readInt();
        int loaded = in.readInt();
        int n = in.readInt();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path path = Path.of(readString(in));
            String key = readString(in);
            int values = in.readInt();
            List<String> args = new ArrayList<>();
            for (int v = 0; v < values; v++) {
                args.add(readString(in));
            }
            skipped.add(new SkippedFile(path, new Phrase(key, args)));
        }
        Map<String, Integer> perClass = readCounts(in);
        Map<String, Integer> sides = readCounts(in);
        int upscaled = in.readInt();
        Map<String, Integer> formats = readCounts(in);
        double seconds = in.readDouble();
        return new DataReport(source, size, channels, found, loaded, skipped, perClass, sides, upscaled, formats,
                seconds, seconds, false);
    }

    private static void writeCounts(DataOutputStream out, Map<String, Integer> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static Map<String, Integer> readCounts(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counts.put(readString(in), in.readInt());
        }
        return counts;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            writeString(out, v);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(readString(in));
        }
        return values;
    }

    // Length-prefixed UTF-8: writeUTF caps strings at 64 KB, and a decoder's message could exceed it.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) {
            throw new IOException("implausible string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Nothing more to do: a stray temp file is harmless and the next write replaces the cache anyway.
            }
        }
    }
}
