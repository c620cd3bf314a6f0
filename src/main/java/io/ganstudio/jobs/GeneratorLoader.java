package io.ganstudio.jobs;

import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.CorruptCheckpointException;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way the command line and the studio open a trained generator: from a run folder (its newest checkpoint
 * that verifies; damaged newer ones are listed in {@link LoadedCheckpoint#skippedNewer()}) or from one checkpoint
 * file. What cannot be used is refused with a {@link RunNotUsableException} naming the problem. Blocking: callers
 * with a screen call it in the background.
 */
public final class GeneratorLoader {

    private GeneratorLoader() {
    }

    /** A run folder, checked to exist and to hold config.json before it is read. */
    public static RunFolder openRun(Path run) throws IOException {
        if (Files.isRegularFile(run)) {
            throw new RunNotUsableException(RunNotUsableException.Problem.RUN_IS_A_FILE, run, null);
        }
        if (!Files.isDirectory(run)) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NO_SUCH_RUN, run, null);
        }
        if (!RunFolder.isRunFolder(run)) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NOT_A_RUN, run, null);
        }
        return RunFolder.open(run);
    }

    /** The newest verifying checkpoint of a run, with only the generator's weights (what generating needs). */
    public static LoadedCheckpoint latestGenerator(Path run) throws IOException {
        return latest(run, openRun(run), true);
    }

    /** The newest verifying checkpoint of a run, whole (projection also needs the discriminator). */
    public static LoadedCheckpoint latest(Path run) throws IOException {
        return latest(run, openRun(run), false);
    }

    /** One checkpoint file, with only the generator's weights. */
    public static LoadedCheckpoint generatorOf(Path checkpointFile) throws IOException {
        return file(checkpointFile, true);
    }

    /** One checkpoint file, whole. */
    public static LoadedCheckpoint checkpointOf(Path checkpointFile) throws IOException {
        return file(checkpointFile, false);
    }

    /** A run folder's newest checkpoint or a checkpoint file, whichever {@code path} is, generator only. */
    public static LoadedCheckpoint generator(Path path) throws IOException {
        return Files.isDirectory(path) ? latestGenerator(path) : generatorOf(path);
    }

    /** Like {@link #generator}, whole (with the discriminator). */
    public static LoadedCheckpoint whole(Path path) throws IOException {
        return Files.isDirectory(path) ? latest(path) : checkpointOf(path);
    }

    /** The run folder a path belongs to: itself, or the run whose checkpoints/ holds the file; null when neither. */
    public static Path runOf(Path path) {
        if (Files.isDirectory(path)) {
            return path;
        }
        Path run = path.getParent() == null ? null : path.getParent().getParent();
        return run != null && RunFolder.isRunFolder(run) ? run : null;
    }

    /** How a run folder or checkpoint is named on screen: the folder, or "run / checkpoint file". */
    public static String displayName(Path path) {
        if (Files.isDirectory(path)) {
            return path.getFileName().toString();
        }
        Path run = runOf(path);
        return run != null ? run.getFileName() + " / " + path.getFileName() : path.getFileName().toString();
    }

    private static LoadedCheckpoint latest(Path run, RunFolder folder, boolean generatorOnly) throws IOException {
        Path dir = folder.checkpointDir();
        if (Checkpoints.list(dir).isEmpty()) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NO_CHECKPOINT, run, null);
        }
        try {
            return generatorOnly ? Checkpoints.readLatestGenerator(dir) : Checkpoints.readLatest(dir);
        } catch (NoSuchFileException e) {
            // Every listed file was pruned by a running trainer between listing and reading.
            throw new RunNotUsableException(RunNotUsableException.Problem.NO_CHECKPOINT, run, null);
        } catch (CorruptCheckpointException e) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NO_CHECKPOINT_VERIFIES, dir,
                    e.getMessage());
        }
    }

    private static LoadedCheckpoint file(Path file, boolean generatorOnly) throws IOException {
        if (Files.isDirectory(file)) {
            throw new RunNotUsableException(RunNotUsableException.Problem.CHECKPOINT_IS_A_FOLDER, file, null);
        }
        if (!Files.isRegularFile(file)) {
            throw new RunNotUsableException(RunNotUsableException.Problem.NO_SUCH_CHECKPOINT, file, null);
        }
        try {
            return generatorOnly ? Checkpoints.readGenerator(file) : Checkpoints.read(file);
        } catch (CorruptCheckpointException e) {
            throw new RunNotUsableException(RunNotUsableException.Problem.CHECKPOINT_DAMAGED, file, e.getMessage());
        }
    }
}
