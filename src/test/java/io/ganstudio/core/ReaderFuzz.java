package io.ganstudio.core;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.lesson.Lesson;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.playground.PointsCsv;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.RunFolder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Every reader of a file someone else may have made, fed mutations of a valid file: flipped bits, cut ends, huge or
 * negative numbers written over the binary headers, and in the JSON and CSV texts numbers, names and keys replaced
 * (then the container rebuilt with correct lengths and checksums, so the content checks are reached, not only the
 * checksum). Each read must either succeed or refuse with the reader's own exception and a one-line message: never
 * an Error (OutOfMemoryError included) and never another exception.
 * <p>
 * Run by {@link ReaderFuzzSmallHeapTest} in a JVM of 256 MiB, so a reader that trusts a declared size fails here.
 * The seeds are fixed so that a run on CI is the same every time; change one to explore further.
 */
class ReaderFuzz {

    private static final int TRIES = 300;
    private static final int LATENT = 8;

    private static Path dir;
    private static byte[] config;
    private static byte[] checkpoint;
    private static byte[] encoder;
    private static byte[] lesson;
    private static byte[] latents;
    private static byte[] idx;
    private static byte[] csv;

    @BeforeContainer
    static void makeValidFiles() throws Exception {
        dir = Files.createTempDirectory("reader-fuzz");
        Path run = ReaderSamples.runFolder(dir.resolve("valid-run"));
        config = Files.readAllBytes(run.resolve(RunFolder.CONFIG));
        checkpoint = Files.readAllBytes(ReaderSamples.checkpoint(dir.resolve("valid-ckpt"),
                ReaderSamples.tinyConfig()));
        encoder = Files.readAllBytes(ReaderSamples.encoder(dir.resolve("valid-enc")));
        lesson = Files.readAllBytes(ReaderSamples.lesson(dir.resolve("valid.ganlesson"), true));
        latents = Files.readAllBytes(ReaderSamples.latents(dir.resolve("valid-lat"), LATENT));
        idx = ReaderSamples.idx(3, 6);
        csv = ReaderSamples.pointsCsv().getBytes(StandardCharsets.UTF_8);
    }

    @AfterContainer
    static void deleteFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- mutations

    /** One change to bytes: what, where (taken modulo the length) and with which value. */
    record ByteOp(int kind, int where, int value) {
    }

    /** One change to a JSON or CSV text: what, which number, string or key, and with which replacement. */
    record TextOp(int kind, int which, int value) {
    }

    private static final int[] INTS = {0x7fffffff, 0x40000000, -1, 0x80000000, 0, 1 << 20, 0x00010000, 46341};
    private static final String[] NUMBERS = {"1e9", "-5", "0", "NaN", "2147483648", "1e308", "-1e-324", "46341",
            "100000", "-2147483648", "Infinity", "null", "\"x\"", "[]", "{}", "1.5", "4.9e-324", "1073741824"};
    private static final String[] STRINGS = {"\"\"", "null", "\"\\u001b]0;x\\u0007\\u001b[2J\"", "1", "[]", "{}",
            "\"" + "a".repeat(5000) + "\"", "\"..\\/..\\/x\"", "\"\\u0000\""};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
    private static final Pattern KEY = Pattern.compile(STRING.pattern() + "\\s*:\\s*");
    private static final Pattern KEY_VALUE = Pattern.compile(KEY.pattern() + "(" + STRING.pattern()
            + "|[-\\w.+]+)\\s*,?");

    @Provide
    Arbitrary<List<ByteOp>> byteOps() {
        Arbitrary<ByteOp> op = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers()).as(ByteOp::new);
        return op.list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<TextOp>> textOps() {
        Arbitrary<TextOp> op = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 500), Arbitraries.integers().between(0, 1000)).as(TextOp::new);
        return op.list().ofMinSize(1).ofMaxSize(3);
    }

    static byte[] mutate(byte[] valid, List<ByteOp> ops) {
        byte[] b = valid.clone();
        for (ByteOp op : ops) {
            if (b.length == 0) {
                return b;
            }
            int at = op.where() % b.length;
            switch (op.kind()) {
                case 0 -> b[at] ^= (byte) (1 << (op.value() & 7));
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> {
                    // a 32-bit number written over the bytes at a 4-byte boundary: lengths, counts, dimensions
                    int pos = Math.min(at & ~3, Math.max(0, b.length - 4));
                    if (b.length >= 4) {
                        ByteBuffer.wrap(b).putInt(pos, INTS[Math.floorMod(op.value(), INTS.length)]);
                    }
                }
                case 3 -> b[at] = (byte) op.value();
                case 4 -> {
                    byte[] longer = new byte[b.length + 1 + (op.value() & 15)];
                    System.arraycopy(b, 0, longer, 0, at);
                    System.arraycopy(b, at, longer, longer.length - (b.length - at), b.length - at);
                    b = longer;
                }
                default -> {
                    int from = Math.floorMod(op.value(), b.length);
                    int n = Math.min(16, b.length - Math.max(at, from));
                    System.arraycopy(b, from, b, at, Math.max(0, Math.min(n, b.length - from)));
                }
            }
        }
        return b;
    }

    static String mutate(String valid, List<TextOp> ops) {
        String t = valid;
        for (TextOp op : ops) {
            t = switch (op.kind()) {
                case 0, 1 -> replaceNth(t, NUMBER, op.which(), NUMBERS[op.value() % NUMBERS.length]);
                case 2 -> replaceNth(t, STRING, op.which(), STRINGS[op.value() % STRINGS.length]);
                case 3 -> removeKey(t, op.which());
                default -> replaceNth(t, KEY, op.which(), "\"unknown" + op.value() + "\": ");
            };
        }
        return t;
    }

    private static String replaceNth(String text, Pattern p, int which, String with) {
        List<int[]> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(new int[]{m.start(), m.end()});
        }
        if (found.isEmpty()) {
            return text;
        }
        int[] at = found.get(which % found.size());
        return text.substring(0, at[0]) + with + text.substring(at[1]);
    }

    /** Removes a key and its value, when the value is a number, string, true/false or null. */
    private static String removeKey(String text, int which) {
        Matcher m = KEY_VALUE.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[]{m.start(), m.end()});
        }
        if (found.isEmpty()) {
            return text;
        }
        int[] at = found.get(which % found.size());
        return text.substring(0, at[0]) + text.substring(at[1]);
    }

    // ---- containers rebuilt around a mutated header

    /** A checkpoint or encoder file with its JSON header changed, its length field and checksum made right. */
    static byte[] withHeader(byte[] valid, List<TextOp> ops) {
        ByteBuffer b = ByteBuffer.wrap(valid);
        int headerLength = b.getInt(12);
        String header = new String(valid, 16, headerLength, StandardCharsets.UTF_8);
        byte[] json = mutate(header, ops).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(valid.length - headerLength + json.length);
        out.put(valid, 0, 12).putInt(json.length).put(json);
        out.put(valid, 16 + headerLength, valid.length - 16 - headerLength - 4);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /** The lesson with lesson.json (or, when {@code metrics}, metrics.csv) changed and the zip rebuilt. */
    static byte[] withLessonEntry(byte[] valid, List<TextOp> ops, boolean metrics) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(valid))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        String name = metrics ? "metrics.csv" : "lesson.json";
        entries.put(name, mutate(new String(entries.get(name), StandardCharsets.UTF_8), ops)
                .getBytes(StandardCharsets.UTF_8));
        List<ReaderSamples.RawEntry> raw = new ArrayList<>();
        entries.forEach((k, v) -> raw.add(ReaderSamples.entry(k, v)));
        return ReaderSamples.rawZip(raw);
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    // ---- the readers

    private static void refusesWithOneLine(Class<? extends Exception> type, ReaderSamples.Read read) {
        try {
            read.run();
        } catch (Throwable t) {
            ReaderSamples.refusal(type, t);
        }
    }

    private static void config(byte[] bytes) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.write(run.resolve(RunFolder.CONFIG), bytes);
        refusesWithOneLine(IOException.class, () -> RunFolder.open(run));
    }

    private static void checkpoint(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("step-0000010.gsc"), bytes);
        refusesWithOneLine(IOException.class, () -> Checkpoints.read(file));
    }

    private static void encoder(byte[] bytes) throws IOException {
        Path run = dir.resolve("enc");
        Files.createDirectories(EncoderFile.path(run).getParent());
        Files.write(EncoderFile.path(run), bytes);
        refusesWithOneLine(IOException.class, () -> EncoderFile.read(run));
    }

    private static void lesson(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("x.ganlesson"), bytes);
        refusesWithOneLine(LessonException.class, () -> {
            Lesson l = LessonFile.read(file);
            if (l.title().chars().anyMatch(Character::isISOControl)) {
                throw new AssertionError("a title with control characters: " + l.title());
            }
        });
    }

    private static void latents(byte[] bytes) throws IOException {
        Path run = Files.createDirectories(dir.resolve("lat"));
        Files.write(run.resolve(LatentBook.FILE), bytes);
        refusesWithOneLine(IOException.class, () -> LatentBook.open(run, LATENT));
    }

    private static void idx(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("x-images-idx3-ubyte"), bytes);
        refusesWithOneLine(DatasetException.class, () -> DatasetLoader.load(DataSpec.idx(file.toString()), 16,
                new LoadOptions(null, 1, () -> false), null));
    }

    private static void csv(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("points.csv"), bytes);
        refusesWithOneLine(PointsCsv.BadCsvException.class, () -> {
            for (double v : PointsCsv.read(file)) {
                if (!(v >= 0 && v <= 1)) {
                    throw new AssertionError("a point outside the unit square: " + v);
                }
            }
        });
    }

    // ---- the properties

    @Property(tries = TRIES, seed = "11", shrinking = ShrinkingMode.BOUNDED)
    void configJson(@ForAll("textOps") List<TextOp> text, @ForAll("byteOps") List<ByteOp> bytes) throws IOException {
        config(mutate(mutate(new String(config, StandardCharsets.UTF_8), text).getBytes(StandardCharsets.UTF_8),
                bytes));
    }

    @Property(tries = TRIES, seed = "12", shrinking = ShrinkingMode.BOUNDED)
    void checkpointBytes(@ForAll("byteOps") List<ByteOp> bytes) throws IOException {
        checkpoint(mutate(checkpoint, bytes));
    }

    @Property(tries = TRIES, seed = "13", shrinking = ShrinkingMode.BOUNDED)
    void checkpointHeader(@ForAll("textOps") List<TextOp> text) throws IOException {
        checkpoint(withHeader(checkpoint, text));
    }

    @Property(tries = TRIES, seed = "14", shrinking = ShrinkingMode.BOUNDED)
    void encoderBytes(@ForAll("byteOps") List<ByteOp> bytes) throws IOException {
        encoder(mutate(encoder, bytes));
    }

    @Property(tries = TRIES, seed = "15", shrinking = ShrinkingMode.BOUNDED)
    void encoderHeader(@ForAll("textOps") List<TextOp> text) throws IOException {
        encoder(withHeader(encoder, text));
    }

    @Property(tries = TRIES, seed = "16", shrinking = ShrinkingMode.BOUNDED)
    void lessonBytes(@ForAll("byteOps") List<ByteOp> bytes) throws IOException {
        lesson(mutate(lesson, bytes));
    }

    @Property(tries = TRIES, seed = "17", shrinking = ShrinkingMode.BOUNDED)
    void lessonJson(@ForAll("textOps") List<TextOp> text, @ForAll boolean metrics) throws IOException {
        lesson(withLessonEntry(lesson, text, metrics));
    }

    @Property(tries = TRIES, seed = "18", shrinking = ShrinkingMode.BOUNDED)
    void latentsJson(@ForAll("textOps") List<TextOp> text, @ForAll("byteOps") List<ByteOp> bytes)
            throws IOException {
        latents(mutate(mutate(new String(latents, StandardCharsets.UTF_8), text).getBytes(StandardCharsets.UTF_8),
                bytes));
    }

    @Property(tries = TRIES, seed = "19", shrinking = ShrinkingMode.BOUNDED)
    void idxFile(@ForAll("byteOps") List<ByteOp> bytes, @ForAll boolean gzipped) throws IOException {
        byte[] b = mutate(idx, bytes);
        idx(gzipped ? gzip(b) : b);
    }

    @Property(tries = TRIES, seed = "20", shrinking = ShrinkingMode.BOUNDED)
    void pointsCsv(@ForAll("textOps") List<TextOp> text, @ForAll("byteOps") List<ByteOp> bytes)
            throws IOException {
        csv(mutate(mutate(new String(csv, StandardCharsets.UTF_8), text).getBytes(StandardCharsets.UTF_8), bytes));
    }
}
