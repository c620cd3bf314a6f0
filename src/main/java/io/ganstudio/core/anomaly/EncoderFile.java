package io.ganstudio.core.anomaly;

import com.google.gson.JsonParseException;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanJson;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A fitted encoder with what scoring needs beside it, in one file of the run folder, {@code anomaly/encoder.gse},
 * written atomically like checkpoints and laid out the same way (big-endian):
 * <pre>
 *   8 bytes  magic  89 'G' 'S' 'E' 0D 0A 1A 0A
 *   int      format version (1), int header length, header: UTF-8 JSON ({@link Header}: how it was fitted,
 *            the validation images' scores, the threshold)
 *   float32  the encoder's weights, in the header's order and lengths
 *   int      CRC-32C of every byte before it
 * </pre>
 * Scoring only reads it.
 */
public record EncoderFile(Header header, Map<String, float[]> weights) {

    public static final String FOLDER = "anomaly";
    public static final String NAME = "encoder.gse";
    private static final byte[] MAGIC = {(byte) 0x89, 'G', 'S', 'E', 0x0D, 0x0A, 0x1A, 0x0A};
    /** The format this version writes; it reads 1 (an f-AnoGAN encoder alone) too, and refuses newer ones. */
    private static final int VERSION = 2;
    private static final int MAX_HEADER_BYTES = 64 << 20;
    /** No one weight array of an encoder has more floats than this (2 GiB of bytes would overflow an int). */
    private static final int MAX_ARRAY_FLOATS = Integer.MAX_VALUE / Float.BYTES - 8;

    /**
     * @param ganStep            the checkpoint step of the G and D the encoder was fitted to
     * @param steps              encoder training steps, of {@code batchSize} images
     * @param trainingImages     normal images the encoder trained on
     * @param validationImages   normal images held out of the encoder's training (not of the GAN's): the threshold
     *                           comes from their scores
     * @param validationScores   their scores
     * @param percentile         the percentile of validation scores chosen as the threshold
     * @param threshold          that score
     * @param mapScale           residual shown at full heat: the 99th percentile of the validation maps' peaks
     * @param losses             the training loss at each step
     */
    public record Header(long ganStep, float kappa, int steps, int batchSize, float learningRate,
                         double validationFraction, int trainingImages, int validationImages,
                         double[] validationScores, double percentile, double threshold, float mapScale,
                         double seconds, float[] losses, List<Array> arrays, String method, String fingerprint,
                         ModelConfig model, long seed, int references, List<MethodStats> methods) {

        Header withArrays(List<Array> a) {
            return new Header(ganStep, kappa, steps, batchSize, learningRate, validationFraction, trainingImages,
                    validationImages, validationScores, percentile, threshold, mapScale, seconds, losses, a, method,
                    fingerprint, model, seed, references, methods);
        }

        /** Whether the file holds the whole inspection model (networks, every method's statistics). */
        public boolean complete() {
            return method != null && model != null && methods != null;
        }
    }

    public record Array(String name, int length) {
    }

    public static Path path(Path runDir) {
        return runDir.resolve(FOLDER).resolve(NAME);
    }

    public Threshold threshold() {
        return new Threshold(header.percentile(), header.threshold());
    }

    /** The threshold at another percentile of the same validation scores (the sensitivity control). */
    public Threshold threshold(double percentile) {
        return Threshold.of(header.validationScores(), percentile);
    }

    public void write(Path runDir) throws IOException {
        List<Array> arrays = new ArrayList<>();
        weights.forEach((k, v) -> arrays.add(new Array(k, v.length)));
        Header withArrays = header.withArrays(arrays);
        byte[] json = GanJson.compact().toJson(withArrays).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path(runDir), out -> {
            CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32C());
            DataOutputStream data = new DataOutputStream(checked);
            data.write(MAGIC);
            data.writeInt(VERSION);
            data.writeInt(json.length);
            data.write(json);
            for (float[] v : weights.values()) {
                ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
                b.asFloatBuffer().put(v);
                data.write(b.array());
            }
            data.flush();
            new DataOutputStream(out).writeInt((int) checked.getChecksum().getValue());
        });
    }

    /**
     * Reads and verifies the encoder of a run.
     *
     * @throws NoSuchFileException when no encoder was fitted yet (the message says to run fit)
     * @throws IOException         when the file is damaged (the message says how)
     */
    public static EncoderFile read(Path runDir) throws IOException {
        Path file = path(runDir);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(runDir.toString(), null, "this run has no inspection model yet: fit one "
                    + "first (gan-studio anomaly fit --run " + runDir + ", or Fit on the Inspect screen)");
        }
        return readFile(file);
    }

    /** Reads and verifies an inspection model file wherever it lies. */
    public static EncoderFile readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "there is no inspection model file at " + file);
        }
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw damaged(file, "it is not a GAN Studio encoder file");
            }
            int version = in.readInt();
            if (version > VERSION) {
                throw new IOException("the inspection model " + file + " was written by a newer version of GAN "
                        + "Studio (format " + version + "; this version reads up to " + VERSION + "): update GAN "
                        + "Studio, or fit the model again");
            }
            if (version < 1) {
                throw damaged(file, "its format version " + version + " is not one this version reads");
            }
            int headerBytes = in.readInt();
            if (headerBytes <= 0 || headerBytes > MAX_HEADER_BYTES || headerBytes > size) {
                throw damaged(file, "its header length is impossible");
            }
            Header header;
            try {
                header = GanJson.fromFile(new String(in.readNBytes(headerBytes), StandardCharsets.UTF_8),
                        Header.class);
            } catch (JsonParseException e) {
                throw damaged(file, "its header is not valid JSON");
            }
            String problem = problem(header);
            if (problem != null) {
                throw damaged(file, problem);
            }
            // Every length is checked against the file before anything is allocated (in long arithmetic).
            long floats = header.arrays().stream().mapToLong(Array::length).sum();
            if (size != MAGIC.length + 12L + headerBytes + floats * Float.BYTES) {
                throw damaged(file, "its length does not match its header (an interrupted copy?)");
            }
            Map<String, float[]> weights = new LinkedHashMap<>();
            for (Array a : header.arrays()) {
                byte[] bytes = in.readNBytes(a.length() * Float.BYTES);
                if (bytes.length != a.length() * Float.BYTES) {
                    throw damaged(file, "it ended early");
                }
                float[] v = new float[a.length()];
                ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
                weights.put(a.name(), v);
            }
            int computed = (int) checked.getChecksum().getValue();
            if (computed != new DataInputStream(raw).readInt()) {
                throw damaged(file, "its checksum does not match");
            }
            return new EncoderFile(header, weights);
        } catch (EOFException e) {
            throw damaged(file, "it ended early");
        }
    }

    /** What makes a header unusable (missing parts, impossible numbers), or null when it can be used. */
    private static String problem(Header h) {
        if (h == null || h.arrays() == null || h.validationScores() == null || h.losses() == null) {
            return "its header is incomplete";
        }
        Set<String> names = new HashSet<>();
        for (Array a : h.arrays()) {
            if (a == null || a.name() == null || a.length() < 0 || a.length() > MAX_ARRAY_FLOATS
                    || !names.add(a.name())) {
                return "its list of weights is damaged";
            }
        }
        if (h.validationScores().length == 0) {
            return "it has no validation scores";
        }
        for (double v : h.validationScores()) {
            if (!Double.isFinite(v)) {
                return "a validation score is not a number";
            }
        }
        if (!(h.percentile() >= 50 && h.percentile() <= 100)) {
            return "its threshold percentile " + h.percentile() + " is not between 50 and 100";
        }
        if (!Double.isFinite(h.threshold())) {
            return "its threshold " + h.threshold() + " is not a number";
        }
        if (!(Float.isFinite(h.mapScale()) && h.mapScale() > 0)) {
            return "its heatmap scale " + h.mapScale() + " is not a positive number";
        }
        if (h.methods() != null) {
            for (MethodStats m : h.methods()) {
                if (m == null || m.method() == null || m.validationScores() == null
                        || m.validationScores().length == 0 || !Double.isFinite(m.threshold())
                        || !(m.spread() > 0) || !(m.mapScale() > 0)) {
                    return "its statistics of a score method are damaged";
                }
            }
        }
        if (h.method() != null) {
            try {
                ScoreMethod.parse(h.method());
            } catch (IllegalArgumentException e) {
                return "its score method '" + h.method() + "' is not one this version knows";
            }
        }
        if (h.ganStep() < 0 || h.references() < 0 || h.steps() < 0 || h.batchSize() < 0 || h.trainingImages() < 0
                || h.validationImages() < 0) {
            return "its header has a negative count";
        }
        return null;
    }

    private static IOException damaged(Path file, String why) {
        return new IOException("the encoder file " + file + " cannot be used: " + why + "; fit the encoder again");
    }
}
