package io.ganstudio.jobs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path given as a run folder or a checkpoint that cannot give a generator: which problem, on which path, so each
 * front end can word it for its own user (the command line names its options, the studio its buttons).
 */
public final class RunNotUsableException extends IOException {

    /** What is wrong with the path. */
    public enum Problem {
        /** Nothing exists at the run folder's path. */
        NO_SUCH_RUN,
        /** A file was given where a run folder was expected. */
        RUN_IS_A_FILE,
        /** A folder without config.json. */
        NOT_A_RUN,
        /** A run folder whose training has not written a checkpoint yet. */
        NO_CHECKPOINT,
        /** A run folder whose checkpoints all fail verification ({@link #detail()} lists why). */
        NO_CHECKPOINT_VERIFIES,
        /** A folder was given where a checkpoint file was expected. */
        CHECKPOINT_IS_A_FOLDER,
        /** Nothing exists at the checkpoint's path. */
        NO_SUCH_CHECKPOINT,
        /** The checkpoint file is damaged, cut short or not a checkpoint ({@link #detail()} says which). */
        CHECKPOINT_DAMAGED
    }

    private final Problem problem;
    private final transient Path path;
    private final String detail;

    public RunNotUsableException(Problem problem, Path path, String detail) {
        super(text(problem, path, detail));
        this.problem = problem;
        this.path = path;
        this.detail = detail == null ? "" : detail;
    }

    public Problem problem() {
        return problem;
    }

    /** The run folder, its checkpoint folder or the checkpoint file the problem is about. */
    public Path path() {
        return path;
    }

    /** The underlying reason (the checkpoint reader's own message), or empty. */
    public String detail() {
        return detail;
    }

    private static String text(Problem problem, Path path, String detail) {
        String p = path.toAbsolutePath().toString();
        return switch (problem) {
            case NO_SUCH_RUN -> "there is no run folder at " + p;
            case RUN_IS_A_FILE -> p + " is a file, not a run folder";
            case NOT_A_RUN -> p + " is not a run folder (it has no config.json)";
            case NO_CHECKPOINT -> "the run at " + p + " has no checkpoint yet: train it first";
            case NO_CHECKPOINT_VERIFIES, CHECKPOINT_DAMAGED -> detail;
            case CHECKPOINT_IS_A_FOLDER -> p + " is a folder, not a checkpoint file";
            case NO_SUCH_CHECKPOINT -> "there is no checkpoint file at " + p;
        };
    }
}
