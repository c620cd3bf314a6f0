package io.ganstudio.cli;

import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.CorruptCheckpointException;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens what --run, --resume and --checkpoint name, turning "not there" into a message a person can act on. */
final class RunFolders {

    private RunFolders() {
    }

    static RunFolder open(Path run) throws IOException {
        if (Files.isRegularFile(run)) {
            throw new UsageError(run.toAbsolutePath() + " is a file, not a run folder: give the folder that holds "
                    + "config.json" + (run.toString().endsWith(".gsc") ? " (or use --checkpoint for one file)" : ""));
        }
        if (!Files.isDirectory(run)) {
            throw new UsageError("there is no run folder at " + run.toAbsolutePath());
        }
        if (!Files.isRegularFile(run.resolve("config.json"))) {
            throw new UsageError(run.toAbsolutePath() + " is not a run folder (it has no config.json)");
        }
        return RunFolder.open(run);
    }

    static GanConfig config(Path run) throws IOException {
        return open(run).config();
    }

    /**
     * The newest checkpoint of a run folder that verifies, with only the generator's weights (what generating needs,
     * in a fraction of the memory). Damaged newer ones are reported on stderr and skipped.
     */
    static LoadedCheckpoint latestGenerator(Path run, PrintWriter err) throws IOException {
        RunFolder folder = open(run);
        if (Checkpoints.list(folder.checkpointDir()).isEmpty()) {
            throw new UsageError("the run at " + run.toAbsolutePath() + " has no checkpoint yet: train it first "
                    + "(checkpoints are written every --checkpoint-every steps and at the end)");
        }
        try {
            LoadedCheckpoint c = Checkpoints.readLatestGenerator(folder.checkpointDir());
            for (String skipped : c.skippedNewer()) {
                err.println("warning: skipping a damaged checkpoint: " + Cli.oneLine(skipped));
            }
            return c;
        } catch (CorruptCheckpointException e) {
            // The message is "checkpoints cannot be loaded: none of its N checkpoints verifies:" and a line each.
            List<String> lines = e.getMessage().lines().toList();
            String newest = lines.size() > 1 ? " (the newest: " + lines.get(1) + ")" : "";
            throw new UsageError("none of the checkpoints in " + folder.checkpointDir() + " can be read" + newest
                    + "; the run cannot be used for generating");
        }
    }

    static LoadedCheckpoint generatorOf(Path checkpointFile) throws IOException {
        if (Files.isDirectory(checkpointFile)) {
            throw new UsageError(checkpointFile.toAbsolutePath() + " is a folder, not a checkpoint file: give a .gsc "
                    + "file from a run's checkpoints/ (or use --run for a run folder)");
        }
        if (!Files.isRegularFile(checkpointFile)) {
            throw new UsageError("there is no checkpoint file at " + checkpointFile.toAbsolutePath());
        }
        try {
            return Checkpoints.readGenerator(checkpointFile);
        } catch (CorruptCheckpointException e) {
            throw new UsageError(Cli.oneLine(e.getMessage()));
        }
    }
}
