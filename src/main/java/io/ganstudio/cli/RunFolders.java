package io.ganstudio.cli;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.GeneratorLoader;
import io.ganstudio.jobs.RunNotUsableException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What --run, --resume and --checkpoint name, opened by {@link GeneratorLoader}: its refusals become messages that
 * name the options a person can change.
 */
final class RunFolders {

    private RunFolders() {
    }

    static RunFolder open(Path run) throws IOException {
        try {
            return GeneratorLoader.openRun(run);
        } catch (RunNotUsableException e) {
            throw usage(e);
        }
    }

    static GanConfig config(Path run) throws IOException {
        return open(run).config();
    }

    /**
     * The newest checkpoint of a run folder that verifies, with only the generator's weights (what generating needs,
     * in a fraction of the memory). Damaged newer ones are reported on stderr and skipped.
     */
    static LoadedCheckpoint latestGenerator(Path run, PrintWriter err) throws IOException {
        LoadedCheckpoint c;
        try {
            c = GeneratorLoader.latestGenerator(run);
        } catch (RunNotUsableException e) {
            throw usage(e);
        }
        for (String skipped : c.skippedNewer()) {
            err.println("warning: skipping a damaged checkpoint: " + Cli.oneLine(skipped));
        }
        return c;
    }

    static LoadedCheckpoint generatorOf(Path checkpointFile) throws IOException {
        try {
            return GeneratorLoader.generatorOf(checkpointFile);
        } catch (RunNotUsableException e) {
            throw usage(e);
        }
    }

    /** The loader's refusal in the command line's words. */
    static UsageError usage(RunNotUsableException e) {
        String p = e.path().toAbsolutePath().toString();
        return new UsageError(switch (e.problem()) {
            case RUN_IS_A_FILE -> p + " is a file, not a run folder: give the folder that holds config.json"
                    + (e.path().toString().endsWith(".gsc") ? " (or use --checkpoint for one file)" : "");
            case NO_SUCH_RUN, NOT_A_RUN, NO_SUCH_CHECKPOINT -> e.getMessage();
            case NO_CHECKPOINT -> "the run at " + p + " has no checkpoint yet: train it first (checkpoints are "
                    + "written every --checkpoint-every steps and at the end)";
            case NO_CHECKPOINT_VERIFIES -> {
                // The detail is "checkpoints cannot be loaded: none of its N checkpoints verifies:" and a line each.
                List<String> lines = e.detail().lines().toList();
                String newest = lines.size() > 1 ? " (the newest: " + lines.get(1) + ")" : "";
                yield "none of the checkpoints in " + e.path() + " can be read" + newest
                        + "; the run cannot be used for generating";
            }
            case CHECKPOINT_IS_A_FOLDER -> p + " is a folder, not a checkpoint file: give a .gsc file from a run's "
                    + "checkpoints/ (or use --run for a run folder)";
            case CHECKPOINT_DAMAGED -> Cli.oneLine(e.detail());
        });
    }
}
