package io.ganstudio.cli;

import io.ganstudio.core.train.Checkpoints;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.LoadedCheckpoint;
import io.ganstudio.core.train.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens what --run, --resume and --checkpoint name, turning "not there" into a message a person can act on. */
final class RunFolders {

    private RunFolders() {
    }

    static RunFolder open(Path run) throws IOException {
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

    /** The newest readable checkpoint of a run folder. */
    static LoadedCheckpoint latestCheckpoint(Path run) throws IOException {
        RunFolder folder = open(run);
        LoadedCheckpoint c = Checkpoints.readLatest(folder.checkpointsDir());
        if (c == null) {
            throw new UsageError("the run at " + run.toAbsolutePath() + " has no checkpoint yet: train it first "
                    + "(checkpoints are written every --checkpoint-every steps and at the end)");
        }
        return c;
    }

    static LoadedCheckpoint checkpoint(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageError("there is no checkpoint file at " + file.toAbsolutePath());
        }
        return Checkpoints.read(file);
    }
}
