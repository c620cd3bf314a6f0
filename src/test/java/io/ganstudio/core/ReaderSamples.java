package io.ganstudio.core;

import com.sun.management.ThreadMXBean;
import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.lesson.LessonFile;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.core.train.TrainerState;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid small files of every kind the app reads from disk, made without the engine, and tools to make hostile ones
 * from them: a zip written byte by byte (duplicate names, any declared size), an encoder file with any header, and
 * the bytes a piece of code allocates.
 */
public final class ReaderSamples {

    private ReaderSamples() {
    }

    /** A tiny model on the built-in data. */
    public static GanConfig tinyConfig() {
        return new GanConfig(DataSpec.builtIn(), new ModelConfig(16, 1, 8, 8, 8, Normalization.BATCH_NORM),
                TrainConfig.defaults().withBatchSize(4).withSeed(42).withSteps(20));
    }

    /** A synthetic trainer state of a few small arrays (the reader does not check shapes against the model). */
    public static TrainerState tinyState(long step) {
        Rng rng = new Rng(step + 1);
        return new TrainerState(step, step * 2, step * 0.5, rng.state(), step, step,
                arrays(rng, "g.", "d."), arrays(rng, "g.a"), arrays(rng, "d.a"));
    }

    private static Map<String, float[]> arrays(Rng rng, String... prefixes) {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            for (int i = 0; i < 2; i++) {
                float[] v = new float[5 + 7 * i];
                rng.fillGaussian(v, 0f, 1f);
                m.put(prefix + "layer" + i + ".weight", v);
            }
        }
        return m;
    }

    /** A checkpoint of {@code config} at step 10 in {@code dir}. */
    public static Path checkpoint(Path dir, GanConfig config) throws IOException {
        Files.createDirectories(dir);
        return Checkpoints.write(dir, config, tinyState(10), 1);
    }

    /** A run folder (config.json, metrics.csv, samples/, checkpoints/) of the tiny model. */
    public static Path runFolder(Path dir) throws IOException {
        RunFolder.create(dir, tinyConfig()).close();
        return dir;
    }

    /** A lesson on the built-in data, with a snapshot and the teacher's metrics when asked. */
    public static Path lesson(Path file, boolean snapshot) throws IOException, LessonException {
        Path work = Files.createTempDirectory(file.toAbsolutePath().getParent(), "teacher");
        Path ckpt = snapshot ? checkpoint(work.resolve("checkpoints"), tinyConfig()) : null;
        Path metrics = null;
        if (snapshot) {
            metrics = work.resolve("metrics.csv");
            Files.writeString(metrics, "step,seconds,d_loss,g_loss,d_real,d_fake,images_per_s\n"
                    + "5,0.1,1.3,0.7,0.5,0.5,100.0\n10,0.2,1.2,0.8,0.5,0.5,100.0\n");
        }
        LessonFile.save(file, "Shapes", tinyConfig(), null, ckpt, metrics);
        return file;
    }

    /** The encoder file's header as JSON, with these arrays (name, length), and its weights' bytes. */
    public static String encoderHeader(String arrays, String threshold) {
        return "{\"ganStep\":10,\"kappa\":1.0,\"steps\":5,\"batchSize\":4,\"learningRate\":1.0E-4,"
                + "\"validationFraction\":0.2,\"trainingImages\":8,\"validationImages\":2,"
                + "\"validationScores\":[0.5,0.7],\"percentile\":99.0,\"threshold\":" + threshold
                + ",\"mapScale\":0.1,\"seconds\":1.0,\"losses\":[1.0,0.5],\"arrays\":" + arrays + "}";
    }

    /** A valid encoder in {@code runDir}/anomaly/encoder.gse, written by the app's own writer. */
    public static Path encoder(Path runDir) throws IOException {
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("e.conv0.weight", new float[]{0.1f, 0.2f, 0.3f});
        weights.put("e.dense.bias", new float[]{1f, -1f});
        new EncoderFile(new EncoderFile.Header(10, 1f, 5, 4, 1e-4f, 0.2, 8, 2, new double[]{0.5, 0.7}, 99, 0.7,
                0.1f, 1.0, new float[]{1f, 0.5f}, List.of(), null, null, null, 0, 0, null), weights).write(runDir);
        return EncoderFile.path(runDir);
    }

    /** An encoder file laid out as the app writes one, with any header and payload and a correct checksum. */
    public static byte[] encoderBytes(String headerJson, byte[] payload) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'G', 'S', 'E', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeInt(1);
        out.writeInt(json.length);
        out.write(json);
        out.write(payload);
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /** A latents.json with one bookmark and one direction, written by the app. */
    public static Path latents(Path runDir, int latentSize) throws IOException {
        Files.createDirectories(runDir); // a run folder exists before anything is kept in it
        LatentBook book = LatentBook.open(runDir, latentSize);
        float[] z = new float[latentSize];
        z[0] = 0.5f;
        book.put(new LatentBook.Bookmark("cat", z, -1, "seed 3"));
        book.put(new LatentBook.Direction("up", z, 0.75));
        return runDir.resolve(LatentBook.FILE);
    }

    /** An IDX images file (rank 3) of {@code count} gray images of side x side, pixel i = i mod 251. */
    public static byte[] idx(int count, int side) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0803);
        out.writeInt(count);
        out.writeInt(side);
        out.writeInt(side);
        for (int i = 0; i < count * side * side; i++) {
            out.writeByte(i % 251);
        }
        return bytes.toByteArray();
    }

    /** A playground CSV of a dozen points on a circle. */
    public static String pointsCsv() {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 12; i++) {
            s.append(Math.cos(i * 0.5)).append(',').append(Math.sin(i * 0.5)).append('\n');
        }
        return s.toString();
    }

    /** One entry of a zip written by hand: its name, the bytes it inflates to (for the CRC) or none, and its data. */
    public record RawEntry(String name, byte[] deflated, long declaredSize, int crc) {
    }

    /** An entry whose data is {@code content} deflated. */
    public static RawEntry entry(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return new RawEntry(name, deflate(content, content.length, 1), content.length, (int) crc.getValue());
    }

    /** An entry inflating to {@code zeros} zero bytes; its CRC is not computed (the reader must stop long before). */
    public static RawEntry zeros(String name, long zeros) {
        int chunk = 1 << 20;
        return new RawEntry(name, deflate(new byte[chunk], chunk, (int) (zeros / chunk)), zeros, 0);
    }

    private static byte[] deflate(byte[] chunk, int length, int repeats) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < repeats; i++) {
            d.setInput(chunk, 0, length);
            while (!d.needsInput()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
        }
        d.finish();
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    /** The local entries of a zip, as ZipInputStream reads them (no central directory, which it never reads). */
    public static byte[] rawZip(List<RawEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            for (RawEntry e : entries) {
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer h = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
                h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                        .putShort((short) 0).putShort((short) 0x21).putInt(e.crc())
                        .putInt(e.deflated().length).putInt((int) Math.min(e.declaredSize(), 0xFFFFFFFEL))
                        .putShort((short) name.length).putShort((short) 0);
                bytes.write(h.array());
                bytes.write(name);
                bytes.write(e.deflated());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Something that reads a file and may throw. */
    public interface Read {
        void run() throws Exception;
    }

    /** The bytes this thread allocates while {@code read} runs, and the exception it threw (null when none). */
    public static Throwable allocating(long maxBytes, Read read) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        Throwable thrown = null;
        try {
            read.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long used = mx.getThreadAllocatedBytes(id) - before;
        if (thrown instanceof Error err) {
            throw err;
        }
        assertTrue(used <= maxBytes, "allocated " + (used >> 20) + " MiB (at most " + (maxBytes >> 20)
                + " MiB expected)" + (thrown == null ? "" : "; it threw " + thrown));
        return thrown;
    }

    /** Asserts a refusal of the expected type with a one-line message, and returns the message. */
    public static String refusal(Class<? extends Exception> type, Throwable t) {
        assertNotNull(t, "the file was accepted");
        assertTrue(type.isInstance(t), () -> "expected " + type.getSimpleName() + " but got " + t);
        String m = t.getMessage();
        assertNotNull(m, "no message: " + t);
        assertFalse(m.isBlank(), "empty message: " + t);
        assertFalse(m.contains("\n") || m.contains("\r"), "a message of more than one line: " + m);
        return m;
    }
}
