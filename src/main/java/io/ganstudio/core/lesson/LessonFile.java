package io.ganstudio.core.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.text.TextFiles;
import io.ganstudio.core.train.AtomicFiles;
import io.ganstudio.core.train.Checkpoints;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.GanJson;
import io.ganstudio.core.train.LoadedCheckpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** A checkpoint of the largest preset with its Adam moments is under 100 MB; anything far bigger is not ours. */
    private static final long MAX_SNAPSHOT_BYTES = 1L << 30;
    private static final long MAX_SMALL_BYTES = 64L << 20;

    private LessonFile() {
    }

    /** The most bytes of prepared images a lesson carries, in MiB (stated in messages and the README). */
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
            throw new LessonException(Phrase.of("lesson.corrupt", file, JSON_ENTRY + ": " + GanJson.reason(e)), e);
        }
        if (!json.has("format") || !FORMAT.equals(json.get("format").getAsString())) {
            throw new LessonException(Phrase.of("lesson.notLesson", file));
        }
        int version;
        try {
            version = json.get("version").getAsInt();
        } catch (RuntimeException e) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "lesson.json has no format version"), e);
        }
        if (version > VERSION) {
            throw new LessonException(Phrase.of("lesson.newer", file, version, VERSION));
        }
        try {
            return parse(file, json, entries);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NullPointerException | ClassCastException | NumberFormatException e) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "lesson.json: " + e), e);
        }
    }

    private static Lesson parse(Path file, JsonObject json, Map<String, byte[]> entries) throws LessonException {
        GanConfig config = GanJson.pretty().fromJson(json.get("config"), GanConfig.class);
        if (config == null || config.data() == null || config.model() == null || config.train() == null) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, "lesson.json has no complete configuration"));
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, String.join(" ", problems)));
        }
        String title = json.has("title") ? json.get("title").getAsString() : "";
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
            if (d.has("classes")) {
                d.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
            }
        }
        LoadedCheckpoint snapshot = null;
        if (json.has("snapshot") && json.get("snapshot").isJsonObject()) {
            byte[] snap = entries.get(SNAPSHOT_ENTRY);
            if (snap == null) {
                throw new LessonException(Phrase.of("lesson.corrupt", file, "its snapshot is missing"));
            }
            snapshot = readSnapshot(file, snap);
        }
        return new Lesson(title, config, builtIn ? Lesson.Source.BUILT_IN : Lesson.Source.EMBEDDED, count, size,
                channels, classes, images, labels, sha, snapshot, entries.get(METRICS_ENTRY));
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
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                long cap = e.getName().equals(SNAPSHOT_ENTRY) ? MAX_SNAPSHOT_BYTES
                        : e.getName().equals(IMAGES_ENTRY) ? EmbeddedData.MAX_BYTES + 64 : MAX_SMALL_BYTES;
                out.put(e.getName(), readCapped(zip, cap, file, e.getName()));
            }
        } catch (NoSuchFileException e) {
            throw new LessonException(Phrase.of("lesson.missing", file), e);
        } catch (ZipException | java.io.EOFException e) {
            throw new LessonException(Phrase.of("lesson.corrupt", file, e.getMessage()), e);
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.unreadable", file, e.getMessage()), e);
        }
        if (out.isEmpty()) {
            throw new LessonException(Phrase.of("lesson.notLesson", file));
        }
        return out;
    }

    private static byte[] readCapped(InputStream in, long cap, Path file, String name)
            throws IOException, LessonException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > cap) {
                throw new LessonException(Phrase.of("lesson.corrupt", file, name + " is larger than any lesson holds"));
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }
}
