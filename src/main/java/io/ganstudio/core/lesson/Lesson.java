package io.ganstudio.core.lesson;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A lesson as read from its file and verified: the run's configuration (data choice, networks, training settings,
 * seed), the prepared images when the data was the teacher's own, and optionally a trained snapshot. {@link #install}
 * puts the images where this machine's loader reads them; {@link #createRun} makes a run folder that continues the
 * snapshot.
 */
public final class Lesson {

    /** Where the images come from on the machine that opens the lesson. */
    public enum Source { BUILT_IN, EMBEDDED }

    private final String title;
    private final GanConfig config;
    private final Source source;
    private final int images;
    private final int imageSize;
    private final int channels;
    private final List<String> classes;
    private final byte[] imagesIdx;
    private final byte[] labelsIdx;
    private final String dataSha256;
    private final LoadedCheckpoint snapshot;
    private final byte[] metricsCsv;

    Lesson(String title, GanConfig config, Source source, int images, int imageSize, int channels,
           List<String> classes, byte[] imagesIdx, byte[] labelsIdx, String dataSha256, LoadedCheckpoint snapshot,
           byte[] metricsCsv) {
        this.title = title;
        this.config = config;
        this.source = source;
        this.images = images;
        this.imageSize = imageSize;
        this.channels = channels;
        this.classes = List.copyOf(classes);
        this.imagesIdx = imagesIdx;
        this.labelsIdx = labelsIdx;
        this.dataSha256 = dataSha256;
        this.snapshot = snapshot;
        this.metricsCsv = metricsCsv;
    }

    public String title() {
        return title;
    }

    /** The configuration as the teacher's run had it (a folder's path there is only a reminder of the original). */
    public GanConfig config() {
        return config;
    }

    public Source source() {
        return source;
    }

    /** Images the lesson carries (0 for the built-in data, which every installation has). */
    public int images() {
        return images;
    }

    public int imageSize() {
        return imageSize;
    }

    public int channels() {
        return channels;
    }

    public List<String> classes() {
        return classes;
    }

    /** Bytes of embedded image data (uncompressed); 0 for the built-in data. */
    public long dataBytes() {
        return imagesIdx == null ? 0 : imagesIdx.length;
    }

    public boolean hasSnapshot() {
        return snapshot != null;
    }

    /** The step the snapshot was taken at, or 0 without one: where the lesson's run starts. */
    public long startStep() {
        return snapshot == null ? 0 : snapshot.step();
    }

    /**
     * The configuration to train with on this machine: the built-in data as it is; embedded images written once
     * (content-addressed, so opening the lesson again reuses them) under {@code lessonsRoot} as an IDX file, which
     * the data spec then names. The images are already at the model's size, so the loader uses them unchanged.
     */
    public GanConfig install(Path lessonsRoot) throws LessonException {
        if (source == Source.BUILT_IN) {
            return config;
        }
        Path dir = lessonsRoot.resolve(dataSha256.substring(0, 16));
        Path imagesFile = dir.resolve(LessonFile.IMAGES_ENTRY_NAME);
        try {
            Files.createDirectories(dir);
            writeIfDifferent(imagesFile, imagesIdx);
            if (labelsIdx != null) {
                writeIfDifferent(dir.resolve(LessonFile.LABELS_ENTRY_NAME), labelsIdx);
            }
        } catch (IOException e) {
            throw new LessonException(Phrase.of("lesson.installFailed", dir, e.getMessage()), e);
        }
        DataSpec d = config.data();
        DataSpec installed = new DataSpec(DataSpec.Kind.IDX, imagesFile.toAbsolutePath().toString(), d.background(),
                d.fit(), 0);
        return config.withData(installed);
    }

    private static void writeIfDifferent(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        AtomicFiles.write(file, out -> out.write(content));
    }

    /**
     * Makes a new run in the empty or missing {@code runDir} with the installed configuration and, when the lesson
     * has one, the snapshot as its checkpoint and the teacher's metrics up to it: continuing that run trains the
     * same steps the teacher's run trained after the snapshot. The run is made whole in a hidden folder beside
     * {@code runDir} and then renamed to it, so a failure part way leaves no half-made run (that folder, the only
     * thing made, is deleted) and a retry finds {@code runDir} as it was.
     */
    public void createRun(Path runDir, GanConfig installed) throws LessonException {
        Path target = runDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path part = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !emptyFolder(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "the folder is not empty: choose a new "
                        + "or empty folder for the lesson's run");
            }
            Files.createDirectories(parent);
            part = Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
            try (RunFolder run = RunFolder.create(part, installed)) {
                if (snapshot != null) {
                    GanConfig own = snapshot.config().withData(installed.data());
                    Checkpoints.write(run.checkpointDir(), own, snapshot.state(),
                            Math.max(1, own.train().keepCheckpoints()));
                    if (metricsCsv != null) {
                        AtomicFiles.write(run.metricsFile(), out -> out.write(metricsCsv));
                        run.truncateMetricsAfter(snapshot.step());
                    }
                }
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(target); // empty, checked above; a folder that gained files since is not deleted
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            part = null;
        } catch (IOException | RuntimeException e) {
            throw new LessonException(Phrase.of("lesson.runFailed", runDir, e.getMessage()), e);
        } finally {
            if (part != null) {
                deleteTree(part);
            }
        }
    }

    private static boolean emptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes the hidden folder this class made (never following a link out of it). */
    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // what could not be deleted is a hidden folder beside the run, never the run itself
        }
    }
}
