package io.ganstudio.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.MetricsCsv;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.text.Printable;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The lesson file ({@code .ganlesson}): one zip archive a teacher hands out.
 * <pre>
 * lesson.json               format, version, title, the run's config (as config.json has it), what the data is
 * data/images-idx3-ubyte    a folder's or IDX file's prepared images (the built-in data is only named)
 * data/labels-idx1-ubyte    their classes, when they have any
 * snapshot.gsc              optional: a checkpoint (weights, optimizer state, RNG) to continue from
 * metrics.csv               optional: the teacher's curves up to the snapshot
 * </pre>
 * Written atomically; read completely and verified (checksums of images and checkpoint) before anything is used.
 */
public final class LessonFile {

    public static final String EXTENSION = ".ganlesson";
    public static final String FORMAT = "gan-studio-lesson";
    /** The format version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    static final String JSON_ENTRY = "lesson.json";
    static final String IMAGES_ENTRY_NAME = "images-idx3-ubyte";
    static final String LABELS_ENTRY_NAME = "labels-idx1-ubyte";
    private static final String IMAGES_ENTRY = "data/" + IMAGES_ENTRY_NAME;
    private static final String LABELS_ENTRY = "data/" + LABELS_ENTRY_NAME;
    private static final String SNAPSHOT_ENTRY = "snapshot.gsc";
    private static final String METRICS_ENTRY = "metrics.csv";
    /*
     * Limits of what a lesson may hold, checked while its entries stream in (the sizes a zip declares are never
     * trusted), so a file made to exhaust memory or disk is refused after reading a few MiB:
     * at most MAX_ENTRIES entries, no name twice; each entry at most its cap (below); all of them together at most
     * MAX_TOTAL_BYTES; and no entry expanding more than MAX_RATIO times its compressed bytes once past RATIO_FLOOR.
     */
    /** lesson.json: settings, title and class names; a few KiB in a real lesson. */
    static final long MAX_JSON_BYTES = 4L << 20;
    /** The labels of at most 64 MiB of images: one byte per image of at least 16x16 pixels is 256 KiB. */
    static final long MAX_LABELS_BYTES = 1L << 20;
    /**
     * The snapshot: a checkpoint with weights, both Adam moments and the generator average. The DCGAN 64x64 preset's
     * is about 90 MiB; 256 MiB leaves room for wider networks. A lesson with a larger one is refused when saved.
     */
    static final long MAX_SNAPSHOT_BYTES = 256L << 20;
    /** The teacher's metrics.csv: about 100 bytes a step, so over 600,000 steps. */
    static final long MAX_METRICS_BYTES = 64L << 20;
    /** An entry this version does not use (skipped, but counted against the limits). */
    static final long MAX_OTHER_BYTES = 1L << 20;
    static final int MAX_ENTRIES = 16;
    static final long MAX_TOTAL_BYTES = MAX_JSON_BYTES + EmbeddedData.MAX_BYTES + 64 + MAX_LABELS_BYTES
            + MAX_SNAPSHOT_BYTES + MAX_METRICS_BYTES;
    /** Real entries (float weights, photos, CSV) compress 1x to 20x; only a crafted one expands 200 times. */
    static final long MAX_RATIO = 200;
    static final long RATIO_FLOOR = 8L << 20;
    /** The longest title shown; a longer one is cut. */
    static final int MAX_TITLE = 200;

    private LessonFile() {
    }

    /** The most bytes of prepared images a lesson carries, in MiB (stated in messages and docs/classroom.md). */
    public static long maxDataMiB() {
        return EmbeddedData.MAX_BYTES >> 20;
    }

    /**
     * Writes a lesson.
     *
     * @param config     the run's configuration; with a snapshot the checkpoint's own configuration is used instead
     * @param data       the prepared images (as the trainer loaded them, at the model's size) when the data is a
     *                   folder or an IDX file; ignored for the built-in data
     * @param checkpoint a checkpoint file to hand out as the snapshot, or null
     * @param metrics    the run's metrics.csv to go with the snapshot, or null
     */
    public static void save(Path out, String title, GanConfig config, ImageDataset data, Path checkpoint, Path metrics)
            throws LessonException {
        LoadedCheckpoint snapshot = null;
        byte[] snapshotBytes = null;
        byte[] metricsBytes = null;
        if (checkpoint != null) {
            try {
                snapshot = Checkpoints.read(checkpoint);
                if (Files.size(checkpoint) > MAX_SNAPSHOT_BYTES) {
                    throw new LessonException(Phrase.of("lesson.snapshotTooBig", checkpoint,
                            Files.size(checkpoint) >> 20, MAX_SNAPSHOT_BYTES >> 20));
                }
                if (metrics != null && Files.isRegularFile(metrics) && Files.size(metrics) > MAX_METRICS_BYTES) {
                    metrics = null; // the curves are a nicety: a lesson is still whole without them
                }
                snapshotBytes = Files.readAllBytes(checkpoint);
                metricsBytes = metrics != null && Files.isRegularFile(metrics) ? Files.readAllBytes(metrics) : null;
            } catch (IOException e) {
                throw new LessonException(Phrase.of("lesson.snapshotUnreadable", checkpoint, e.getMessage()), e);
            }
            config = snapshot.config();
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new LessonException(Phrase.of("lesson.invalidConfig", String.join(" ", problems)));
        }
        boolean builtIn = config.data().kind() == DataSpec.Kind.BUILT_IN;
        byte[] images = null;
        byte[] labels = null;
        if (!builtIn) {
            if (data == null) {
                throw new LessonException(Phrase.of("lesson.noData"));
            }
            if (data.imageSize() != config.model().imageSize()) {
                throw new IllegalArgumentException("images of " + data.imageSize() + " px for a model of "
                        + config.model().imageSize() + " px");
            }
            if (data.pixels().length > EmbeddedData.MAX_BYTES) {
                throw new LessonException(Phrase.of("lesson.dataTooBig", data.count(), data.pixels().length >> 20,
                        maxDataMiB()));
            }
            try {
                images = EmbeddedData.imagesIdx(data);
                labels = EmbeddedData.labelsIdx(data);
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory failed", e);
            }
        }
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("title", title == null ? "" : title.strip());
        json.add("config", GanJson.pretty().toJsonTree(config));
        JsonObject d = new JsonObject();
        d.addProperty("source", builtIn ? "built-in" : "embedded");
        if (!builtIn) {
            d.addProperty("images", data.count());
            d.addProperty("imageSize", data.imageSize());
            d.addProperty("channels", data.channels());
            JsonArray classes = new JsonArray();
            data.classNames().forEach(classes::add);
            d.add("classes", classes);
            d.addProperty("sha256", EmbeddedData.sha256(images, labels));
        }
        json.add("data", d);
        if (snapshot != null) {
            JsonObject s = new JsonObject();
            s.addProperty("step", snapshot.step());
            json.add("snapshot", s);
        }
        byte[] jsonBytes = GanJson.pretty().toJson(json).getBytes(StandardCharsets.UTF_8);
        byte[] img = images;
        byte[] lab = labels;
        byte[] snap = snapshotBytes;
        byte[] met = metricsBytes;
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            AtomicFiles.write(out, os -> {
                ZipOutputStream zip = new ZipOutputStream(os);
                put(zip, JSON_ENTRY, jsonBytes);
                if (img != null) {
                    put(zip, IMAGES_ENTRY, img);
                }
                if (lab != null) {
                    put(zip, LABELS_ENTRY, lab);
                }
                if (snap != null) {
                    put(zip, SNAPSHOT_ENTRY, snap);
                }
                if (met != null) {
                    put(zip, METRICS_ENTRY, met);
                }
                zip.finish();
            });
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.writeFailed", out, e.getMessage()), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Reads and verifies a lesson; refuses anything that is not a whole lesson this version understands. */
    public static Lesson read(Path file) throws LessonException {
        Map<String, byte[]> entries = entries(file);
        byte[] jsonBytes = entries.get(JSON_ENTRY);
        if (jsonBytes == null) {
            throw new LessonException(Phrase.of("lesson.notLesson", file));
        }
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(TextFiles.decodeUtf8(JSON_ENTRY, jsonBytes));
            if (!parsed.isJsonObject()) {
                throw new LessonException(Phrase.of("lesson.notLesson", file));
            }
            json = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, JSON_ENTRY + " is not UTF-8 text"), e);
        } catch (JsonParseException e) {
            throw corrupt(file, JSON_ENTRY + ": " + GanJson.reason(e), e);
        }
        if (!(json.get("format") instanceof JsonPrimitive f && f.isString() && FORMAT.equals(f.getAsString()))) {
            throw new LessonException(Phrase.of("lesson.notLesson", file));
        }
        if (!(json.get("version") instanceof JsonPrimitive v && v.isNumber())) {
            throw corrupt(file, "lesson.json has no format version", null);
        }
        double version = json.get("version").getAsDouble();
        if (version > VERSION) {
            throw new LessonException(Phrase.of("lesson.newer", file, json.get("version").getAsString(), VERSION));
        }
        if (version != VERSION) {
            throw corrupt(file, "its format version " + json.get("version").getAsString() + " is not one GAN Studio "
                    + "ever wrote", null);
        }
        try {
            return parse(file, json, entries);
        } catch (RuntimeException e) {
            // Any part of lesson.json that is missing or of the wrong type.
            throw corrupt(file, "lesson.json: " + e, e);
        }
    }

    /** "damaged" with the reason on one line (a reason may quote the file's own text). */
    private static LessonException corrupt(Path file, String why, Throwable cause) {
        String line = Printable.of(String.valueOf(why).replaceAll("\\s+", " ").strip());
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return new LessonException(Phrase.of("lesson.corrupt", file, line), cause);
    }

    private static Lesson parse(Path file, JsonObject json, Map<String, byte[]> entries) throws LessonException {
        GanConfig config;
        try {
            config = GanJson.fromFile(json.get("config"), GanConfig.class);
        } catch (JsonParseException e) {
            throw corrupt(file, "lesson.json: its settings: " + e.getMessage(), e);
        }
        if (config == null || config.data() == null || config.model() == null || config.train() == null) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "lesson.json has no complete configuration"));
        }
        List<String> problems = new ArrayList<>(config.problems());
        problems.addAll(config.loadProblems());
        if (!problems.isEmpty()) {
            throw corrupt(file, String.join(" ", new LinkedHashSet<>(problems)), null);
        }
        String title = json.has("title") ? printableTitle(json.get("title").getAsString()) : "";
        JsonObject d = json.getAsJsonObject("data");
        String source = d.get("source").getAsString();
        boolean builtIn = source.equals("built-in");
        if (builtIn != (config.data().kind() == DataSpec.Kind.BUILT_IN) || !(builtIn || source.equals("embedded"))) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "its data source does not match its "
                    + "configuration"));
        }
        byte[] images = null;
        byte[] labels = null;
        String sha = null;
        int count = 0;
        int size = config.model().imageSize();
        int channels = config.model().channels();
        List<String> classes = new ArrayList<>();
        if (!builtIn) {
            images = entries.get(IMAGES_ENTRY);
            labels = entries.get(LABELS_ENTRY);
            sha = d.get("sha256").getAsString();
            if (images == null || !EmbeddedData.sha256(images, labels).equals(sha.toLowerCase(Locale.ROOT))) {
                throw new LessonException(Phrase.of("lesson.corrupt", file, "its images are missing or damaged"));
            }
            count = d.get("images").getAsInt();
            size = d.get("imageSize").getAsInt();
            channels = d.get("channels").getAsInt();
            String shape = EmbeddedData.shapeProblem(images, labels, count, size, channels,
                    config.model().imageSize(), config.model().channels());
            if (shape != null) {
                throw corrupt(file, shape, null);
            }
            if (d.has("classes")) {
                JsonArray names = d.getAsJsonArray("classes");
                if (names.size() > ModelConfig.MAX_CLASSES) {
                    throw corrupt(file, "it names " + names.size() + " classes", null);
                }
                names.forEach(c -> classes.add(Printable.of(c.getAsString())));
            }
        }
        byte[] metrics = entries.get(METRICS_ENTRY);
        LoadedCheckpoint snapshot = null;
        if (json.has("snapshot") && json.get("snapshot").isJsonObject()) {
            byte[] snap = entries.get(SNAPSHOT_ENTRY);
            if (snap == null) {
                throw new LessonException(Phrase.of("lesson.corrupt", file, "its snapshot is missing"));
            }
            snapshot = readSnapshot(file, snap);
            GanConfig own = snapshot.config();
            if (!own.model().equals(config.model()) || !own.train().equals(config.train())) {
                throw corrupt(file, "its snapshot is of another model or training (" + describe(own)
                        + ") than its settings say (" + describe(config) + ")", null);
            }
            if (metrics != null) {
                checkMetrics(file, metrics);
            }
        }
        return new Lesson(title, config, builtIn ? Lesson.Source.BUILT_IN : Lesson.Source.EMBEDDED, count, size,
                channels, classes, images, labels, sha, snapshot, metrics);
    }

    private static String printableTitle(String title) {
        String t = Printable.of(title.strip());
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) + "\u2026" : t;
    }

    private static String describe(GanConfig c) {
        ModelConfig m = c.model();
        return m.imageSize() + " px, latent " + m.latentSize() + ", G " + m.generatorWidth() + " / D "
                + m.discriminatorWidth() + ", " + c.train().steps() + " steps, batch " + c.train().batchSize();
    }

    /** The teacher's metrics.csv is read by the one metrics reader before any run is made from it. */
    private static void checkMetrics(Path file, byte[] metrics) throws LessonException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lesson-metrics", ".csv");
            Files.write(tmp, metrics);
            new MetricsCsv(tmp).read();
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, "its metrics.csv is not GAN Studio's: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage().replace(String.valueOf(tmp),
                    METRICS_ENTRY)), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a temporary file left behind costs only space in the temp folder
            }
        }
    }

    /** Verifies the checkpoint through the one checkpoint reader (it reads files, so through a temporary one). */
    private static LoadedCheckpoint readSnapshot(Path file, byte[] snap) throws LessonException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lesson-snapshot", ".gsc");
            Files.write(tmp, snap);
            return Checkpoints.read(tmp);
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "its snapshot: " + e.getMessage()), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind costs only space in the temp folder
                }
            }
        }
    }

    private static Map<String, byte[]> entries(Path file) throws LessonException {
        if (!Files.isRegularFile(file)) {
            throw new LessonException(Phrase.of("lesson.missing", file));
        }
        Map<String, byte[]> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(counted)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!seen.add(name)) {
                    throw corrupt(file, "it holds " + name + " twice", null);
                }
                if (seen.size() > MAX_ENTRIES) {
                    throw corrupt(file, "it holds more than " + MAX_ENTRIES + " entries", null);
                }
                boolean known = KNOWN_ENTRIES.contains(name);
                byte[] content = readCapped(zip, counted, capOf(name), MAX_TOTAL_BYTES - total, known, file, name);
                total += content.length;
                if (known) {
                    out.put(name, content);
                }
            }
        } catch (NoSuchFileException e) {
            throw new LessonException(Phrase.of("lesson.missing", file), e);
        } catch (ZipException | EOFException e) {
            throw corrupt(file, String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.unreadable", file, e.getMessage()), e);
        } catch (RuntimeException e) {
            // ZipInputStream's own checks of a malformed archive (a bad name encoding, an impossible length)
            throw corrupt(file, e.toString(), e);
        }
        if (out.isEmpty()) {
            throw new LessonException(Phrase.of("lesson.notLesson", file));
        }
        return out;
    }

    private static final Set<String> KNOWN_ENTRIES = Set.of(JSON_ENTRY, IMAGES_ENTRY,
            LABELS_ENTRY, SNAPSHOT_ENTRY, METRICS_ENTRY);

    private static long capOf(String name) {
        return switch (name) {
            case JSON_ENTRY -> MAX_JSON_BYTES;
            case IMAGES_ENTRY -> EmbeddedData.MAX_BYTES + 64;
            case LABELS_ENTRY -> MAX_LABELS_BYTES;
            case SNAPSHOT_ENTRY -> MAX_SNAPSHOT_BYTES;
            case METRICS_ENTRY -> MAX_METRICS_BYTES;
            default -> MAX_OTHER_BYTES;
        };
    }

    /**
     * An entry's bytes, counted as they are inflated: refused as soon as it passes its cap, what is left of the
     * total, or (past {@link #RATIO_FLOOR}) {@link #MAX_RATIO} times the compressed bytes it took from the file.
     */
    private static byte[] readCapped(InputStream in, CountingInputStream file, long cap, long left, boolean keep,
                                     Path lesson, String name) throws IOException, LessonException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long start = file.count();
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > cap || total > left) {
                throw corrupt(lesson, Printable.of(name) + " is larger than any lesson holds (over "
                        + (Math.min(cap, left) >> 20) + " MiB)", null);
            }
            long compressed = Math.max(1, file.count() - start);
            if (total > RATIO_FLOOR && total / compressed > MAX_RATIO) {
                throw corrupt(lesson, Printable.of(name) + " expands more than " + MAX_RATIO + " times: it is not "
                        + "a lesson's content", null);
            }
            if (keep) {
                buf.write(chunk, 0, n);
            }
        }
        return buf.toByteArray();
    }

    /** The bytes taken from the file so far, to compare what an entry inflates to with what it is made of. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += Math.max(0, k);
            return k;
        }
    }
}
