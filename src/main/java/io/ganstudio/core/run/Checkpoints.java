package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.run.CheckpointFormat.ArrayInfo;
import io.ganstudio.core.run.CheckpointFormat.Header;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainerState;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Checkpoint files in a run's {@code checkpoints/} folder, one per saved step: {@code step-0001234.gsc}
 * (see {@link CheckpointFormat}). Writes are atomic, reads verify everything, and a damaged newest checkpoint never
 * stops a resume: {@link #readLatest} falls back to the newest one that verifies.
 *
 * <p>Nothing is deleted on the strength of a name alone. A checkpoint that holds another step than its name says, a
 * negative step, or that a newer GAN Studio wrote, is never used (reading it fails, saying why); pruning never deletes
 * it; and a resume moves such files from after its step into {@code checkpoints/unreadable/} and says so
 * ({@link #setAsideNewerThan}), so that nothing the app cannot read is lost or overwritten.
 */
public final class Checkpoints {

    private static final Pattern NAME = Pattern.compile("step-(\\d{7,18})\\.gsc");
    static final int CHUNK_FLOATS = 16 * 1024;

    private Checkpoints() {
    }

    /**
     * Writes the state as {@code step-NNNNNNN.gsc}, then deletes the oldest checkpoints beyond {@code keep} and any
     * interrupted writes. Checkpoints of later steps are deleted too: they belong to a history this run went back
     * from (a resume from an older checkpoint), and leaving them would make the next resume pick them up. Only
     * checkpoints whose header verifies are deleted or counted ({@link #isVerified}).
     *
     * @return the written file
     */
    public static Path write(Path checkpointDir, GanConfig config, TrainerState state, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least 1 checkpoint, not " + keep);
        }
        if (state.step() < 0) {
            throw new IllegalArgumentException("a checkpoint's step is 0 or more, not " + state.step());
        }
        requireFinite(state);
        Path file = checkpointDir.resolve(fileName(state.step()));
        List<ArrayInfo> arrays = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        collect(CheckpointFormat.WEIGHTS, state.weights(), arrays, values);
        collect(CheckpointFormat.GENERATOR_OPTIMIZER, state.generatorOptimizer(), arrays, values);
        collect(CheckpointFormat.DISCRIMINATOR_OPTIMIZER, state.discriminatorOptimizer(), arrays, values);
        Header header = new Header(config, state.step(), state.discriminatorBatches(), state.seconds(),
                state.noise().state(), Double.doubleToRawLongBits(state.noise().spare()),
                state.generatorOptimizerStep(), state.discriminatorOptimizerStep(), arrays);
        byte[] json = GanJson.compact().toJson(header).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32C());
            DataOutputStream data = new DataOutputStream(checked);
            data.write(CheckpointFormat.MAGIC);
            data.writeInt(CheckpointFormat.VERSION);
            data.writeInt(json.length);
            data.write(json);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES);
            for (float[] v : values) {
                for (int from = 0; from < v.length; from += CHUNK_FLOATS) {
                    int n = Math.min(CHUNK_FLOATS, v.length - from);
                    buffer.clear();
                    buffer.asFloatBuffer().put(v, from, n);
                    data.write(buffer.array(), 0, n * Float.BYTES);
                }
            }
            data.flush();
            // The checksum itself is written past the checked stream.
            new DataOutputStream(out).writeInt((int) checked.getChecksum().getValue());
        });
        deleteNewerThan(checkpointDir, state.step());
        prune(checkpointDir, keep);
        return file;
    }

    /** Throws {@link NonFiniteStateException} when any weight or optimizer moment is NaN or infinite. */
    public static void requireFinite(TrainerState state) throws NonFiniteStateException {
        check(state.step(), CheckpointFormat.WEIGHTS, state.weights());
        check(state.step(), CheckpointFormat.GENERATOR_OPTIMIZER, state.generatorOptimizer());
        check(state.step(), CheckpointFormat.DISCRIMINATOR_OPTIMIZER, state.discriminatorOptimizer());
    }

    private static void check(long step, String section, Map<String, float[]> arrays)
            throws NonFiniteStateException {
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            if (e.getKey().equals(GanTrainer.ADA_STATE)) {
                continue; // ADA's statistics, not weights: its r is NaN until the first interval is measured
            }
            for (float v : e.getValue()) {
                if (!Float.isFinite(v)) {
                    throw new NonFiniteStateException(step, section + " " + e.getKey());
                }
            }
        }
    }

    private static void collect(String section, Map<String, float[]> map, List<ArrayInfo> arrays,
                                List<float[]> values) {
        for (Map.Entry<String, float[]> e : map.entrySet()) {
            arrays.add(new ArrayInfo(section, e.getKey(), e.getValue().length));
            values.add(e.getValue());
        }
    }

    /**
     * Reads and verifies one checkpoint completely.
     *
     * @throws CorruptCheckpointException when the file is damaged, cut short or not a checkpoint (the message says
     *                                    which)
     */
    public static LoadedCheckpoint read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads and verifies one checkpoint, but keeps only the generator's weights: what exploring a run needs, in a
     * fraction of the memory (the discriminator and both optimizers' moments are most of a checkpoint).
     */
    public static LoadedCheckpoint readGenerator(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * The newest checkpoint that verifies. Newer ones that fail are listed in
     * {@link LoadedCheckpoint#skippedNewer()} so the caller can tell the user.
     *
     * @throws NoSuchFileException        when the folder holds no checkpoint at all
     * @throws CorruptCheckpointException when there are checkpoints but none verifies (the message lists why)
     */
    public static LoadedCheckpoint readLatest(Path checkpointDir) throws IOException {
        return readLatest(checkpointDir, false);
    }

    /** Like {@link #readLatest}, keeping only the generator's weights (see {@link #readGenerator}). */
    public static LoadedCheckpoint readLatestGenerator(Path checkpointDir) throws IOException {
        return readLatest(checkpointDir, true);
    }

    private static LoadedCheckpoint readLatest(Path checkpointDir, boolean generatorOnly) throws IOException {
        List<Path> files = list(checkpointDir);
        if (files.isEmpty()) {
            throw new NoSuchFileException(checkpointDir.toString(), null, "no checkpoint has been saved here yet");
        }
        List<String> skipped = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            try {
                LoadedCheckpoint c = read(files.get(i), generatorOnly);
                return new LoadedCheckpoint(c.file(), c.config(), c.state(), skipped);
            } catch (CorruptCheckpointException e) {
                skipped.add(e.getMessage());
            } catch (NoSuchFileException e) {
                // Pruned by the trainer between listing and reading: the next one is older still and complete.
            }
        }
        if (skipped.isEmpty()) {
            throw new NoSuchFileException(checkpointDir.toString(), null, "no checkpoint has been saved here yet");
        }
        throw new CorruptCheckpointException(checkpointDir, "none of its " + files.size()
                + " checkpoints verifies:\n" + String.join("\n", skipped));
    }

    /** Checkpoint files by step, oldest first; interrupted writes and unrelated files are not listed. */
    public static List<Path> list(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return List.of();
        }
        try (var files = Files.list(checkpointDir)) {
            return files.filter(p -> stepOf(p) >= 0 && Files.isRegularFile(p))
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The step in a checkpoint's file name, or -1 when the name is not a checkpoint's. */
    public static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    public static String fileName(long step) {
        return String.format("step-%07d.gsc", step);
    }

    /** Where checkpoints that cannot be used are moved by {@link #setAsideNewerThan}, inside the checkpoints folder. */
    public static final String UNREADABLE = "unreadable";

    /**
     * Deletes checkpoints after a step: when a run resumes from an older checkpoint (because the newer ones were
     * damaged, or the user chose to go back), the newer ones belong to a history the resumed run replaces.
     * Only files verified as this format's checkpoints of the step their name says are deleted (see
     * {@link #isVerified}); any other file is left where it is.
     */
    public static void deleteNewerThan(Path checkpointDir, long step) throws IOException {
        for (Path p : list(checkpointDir)) {
            if (stepOf(p) > step && isVerified(p)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Moves every checkpoint named for a step after {@code step} whose header does not verify (written by a newer
     * GAN Studio, renamed or copied from another step, cut short, not a checkpoint) into
     * {@code checkpoints/unreadable/}: kept for the person to look at, never deleted, and out of the way of the
     * checkpoints the resumed run writes again under the same names. A name already taken there gets ".1", ".2"...
     *
     * @return one line per moved file: which, why, and where it went
     */
    public static List<String> setAsideNewerThan(Path checkpointDir, long step) throws IOException {
        List<String> moved = new ArrayList<>();
        for (Path p : list(checkpointDir)) {
            if (stepOf(p) <= step) {
                continue;
            }
            String problem = headerProblem(p);
            if (problem == null) {
                continue;
            }
            Path aside = Files.createDirectories(checkpointDir.resolve(UNREADABLE));
            String name = p.getFileName().toString();
            Path target = aside.resolve(name);
            for (int i = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
                target = aside.resolve(name + "." + i);
            }
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            moved.add(problem + "; it was moved to " + checkpointDir.getFileName() + "/" + UNREADABLE + "/"
                    + target.getFileName() + " (nothing was deleted)");
        }
        return moved;
    }

    /**
     * Whether a file is a checkpoint of this format that holds the step its name says, at the length its header
     * implies (the header is read, the arrays and checksum are not). Pruning deletes nothing else.
     */
    public static boolean isVerified(Path file) {
        return headerProblem(file) == null;
    }

    private static String headerProblem(Path file) {
        try {
            CheckpointReader.verifyHeader(file);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Deletes the oldest verified checkpoints beyond {@code keep}; files that do not verify are not counted or deleted. */
    private static void prune(Path dir, int keep) throws IOException {
        List<Path> files = list(dir).stream().filter(Checkpoints::isVerified).toList();
        for (int i = 0; i < files.size() - keep; i++) {
            Files.deleteIfExists(files.get(i));
        }
        AtomicFiles.deleteLeftovers(dir);
    }

    private static LoadedCheckpoint read(Path file, boolean generatorOnly) throws IOException {
        return CheckpointReader.read(file, generatorOnly);
    }
}
