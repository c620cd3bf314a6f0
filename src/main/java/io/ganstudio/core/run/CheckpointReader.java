package io.ganstudio.core.run;

import com.google.gson.JsonParseException;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.CheckpointFormat.ArrayInfo;
import io.ganstudio.core.run.CheckpointFormat.Header;
import io.ganstudio.core.train.GeneratorAverage;
import io.ganstudio.core.train.TrainerState;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Reads a checkpoint and trusts nothing until it is verified: signature, version, header, the exact file length
 * the header implies, and the checksum over every byte. Nothing is returned from a file that fails any check.
 */
final class CheckpointReader {

    private static final int CHUNK_FLOATS = 16 * 1024;

    private CheckpointReader() {
    }

    static LoadedCheckpoint read(Path file, boolean generatorOnly) throws IOException {
        return read(file, generatorOnly, false);
    }

    /**
     * Checks everything but the arrays and the checksum: signature, format version, header, the file length the
     * header implies, and that the step it holds is the one its name says. Cheap (the header only); what pruning
     * checks before it deletes a file.
     *
     * @throws CorruptCheckpointException when any of these fails (the message says which)
     */
    static void verifyHeader(Path file) throws IOException {
        read(file, true, true);
    }

    private static LoadedCheckpoint read(Path file, boolean generatorOnly, boolean headerOnly) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new CorruptCheckpointException(file, "the file is empty (its write never finished)");
        }
        if (size < CheckpointFormat.FIXED_BYTES) {
            throw new CorruptCheckpointException(file, "the file is only " + size + " bytes, too short to be a "
                    + "checkpoint");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            checkSignature(file, in);
            int headerBytes = in.readInt();
            if (headerBytes <= 0 || headerBytes > CheckpointFormat.MAX_HEADER_BYTES
                    || headerBytes > size - CheckpointFormat.FIXED_BYTES) {
                throw new CorruptCheckpointException(file, "its header length (" + headerBytes
                        + " bytes) is impossible: the file is damaged");
            }
            Header header = parseHeader(file, in.readNBytes(headerBytes));
            checkStep(file, header.step());
            long floats = header.arrays().stream().mapToLong(ArrayInfo::length).sum();
            long expected = CheckpointFormat.FIXED_BYTES + headerBytes + floats * Float.BYTES;
            if (size < expected) {
                throw new CorruptCheckpointException(file, "the file is cut short: " + size + " of " + expected
                        + " bytes (an interrupted write or an incomplete copy)");
            }
            if (size > expected) {
                throw new CorruptCheckpointException(file, "the file has " + (size - expected)
                        + " unexpected bytes at its end: it is damaged");
            }
            if (headerOnly) {
                return null;
            }
            Map<String, Map<String, float[]>> sections = readArrays(header, in, generatorOnly);
            int computed = (int) checked.getChecksum().getValue();
            int stored = new DataInputStream(raw).readInt();
            if (computed != stored) {
                throw new CorruptCheckpointException(file, "its checksum does not match: the file is damaged");
            }
            return new LoadedCheckpoint(file, header.config(), toState(header, sections), List.of());
        } catch (EOFException e) {
            // Only if the file shrank while being read: the length was checked above.
            throw new CorruptCheckpointException(file, "the file ended early while being read");
        }
    }

    private static void checkSignature(Path file, DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(CheckpointFormat.MAGIC.length);
        if (!Arrays.equals(magic, CheckpointFormat.MAGIC)) {
            throw new CorruptCheckpointException(file, "it is not a GAN Studio checkpoint (wrong signature)");
        }
        int version = in.readInt();
        if (version > CheckpointFormat.VERSION) {
            throw new CorruptCheckpointException(file, "it was written by a newer GAN Studio (format " + version
                    + "; this version reads format " + CheckpointFormat.VERSION + "): update the app to open it");
        }
        if (version != CheckpointFormat.VERSION) {
            throw new CorruptCheckpointException(file, "its format version " + version + " is unknown: the file is "
                    + "damaged");
        }
    }

    /**
     * A step below 0 is impossible, and a checkpoint named for another step than the one it holds was renamed or
     * copied by hand: resuming from it, or pruning by its name, would throw away the history its name claims.
     */
    private static void checkStep(Path file, long step) throws CorruptCheckpointException {
        if (step < 0) {
            throw new CorruptCheckpointException(file, "it holds step " + step + ", which is impossible: the file is "
                    + "damaged");
        }
        long named = Checkpoints.stepOf(file);
        if (named >= 0 && named != step) {
            throw new CorruptCheckpointException(file, "it holds step " + step + ", not step " + named
                    + " as its name says (was it renamed or copied?)");
        }
    }

    private static Header parseHeader(Path file, byte[] json) throws CorruptCheckpointException {
        Header h;
        try {
            h = GanJson.fromFile(new String(json, StandardCharsets.UTF_8), Header.class);
        } catch (JsonParseException e) {
            throw new CorruptCheckpointException(file, "its header is not readable: the file is damaged");
        }
        if (h == null || h.config() == null || h.arrays() == null) {
            throw new CorruptCheckpointException(file, "its header is incomplete: the file is damaged");
        }
        for (ArrayInfo a : h.arrays()) {
            if (a == null || a.section() == null || a.name() == null || a.length() < 0) {
                throw new CorruptCheckpointException(file, "its list of arrays is damaged");
            }
        }
        List<String> problems = h.config().loadProblems();
        if (!problems.isEmpty()) {
            throw new CorruptCheckpointException(file, "its settings describe no model GAN Studio can build ("
                    + String.join("; ", problems) + ")");
        }
        return h;
    }

    private static Map<String, Map<String, float[]>> readArrays(Header header, DataInputStream in,
                                                                boolean generatorOnly) throws IOException {
        Map<String, Map<String, float[]>> sections = new LinkedHashMap<>();
        sections.put(CheckpointFormat.WEIGHTS, new LinkedHashMap<>());
        sections.put(CheckpointFormat.GENERATOR_OPTIMIZER, new LinkedHashMap<>());
        sections.put(CheckpointFormat.DISCRIMINATOR_OPTIMIZER, new LinkedHashMap<>());
        byte[] bytes = new byte[CHUNK_FLOATS * Float.BYTES];
        for (ArrayInfo a : header.arrays()) {
            boolean keep = !generatorOnly
                    || (a.section().equals(CheckpointFormat.WEIGHTS) && (a.name().startsWith("g.")
                    || a.name().startsWith(GeneratorAverage.PREFIX)));
            float[] values = keep ? new float[a.length()] : null;
            for (int from = 0; from < a.length(); from += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, a.length() - from);
                in.readFully(bytes, 0, n * Float.BYTES);
                if (keep) {
                    ByteBuffer.wrap(bytes, 0, n * Float.BYTES).asFloatBuffer().get(values, from, n);
                }
            }
            if (keep) {
                sections.computeIfAbsent(a.section(), k -> new LinkedHashMap<>()).put(a.name(), values);
            }
        }
        return sections;
    }

    private static TrainerState toState(Header h, Map<String, Map<String, float[]>> sections) {
        Rng.State noise = new Rng.State(h.noiseState(), Double.longBitsToDouble(h.noiseSpareBits()));
        return new TrainerState(h.step(), h.discriminatorBatches(), h.seconds(), noise, h.generatorOptimizerStep(),
                h.discriminatorOptimizerStep(), sections.get(CheckpointFormat.WEIGHTS),
                sections.get(CheckpointFormat.GENERATOR_OPTIMIZER),
                sections.get(CheckpointFormat.DISCRIMINATOR_OPTIMIZER));
    }
}
