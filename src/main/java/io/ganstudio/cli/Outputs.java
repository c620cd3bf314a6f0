package io.ganstudio.cli;

import io.ganstudio.core.image.ImageFormats;
import io.ganstudio.core.run.OutputCheck;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The check every command runs, before its work, on each file it will write where the user said (--out, --csv,
 * --gif, --png, a lesson to save): see {@link OutputCheck}. A conflict (a run's own file, an existing file, a folder,
 * a wrong extension) is a usage error naming the option and what is there; a folder that cannot be written fails
 * with the folder and the reason.
 */
final class Outputs {

    /** Help text for the outputs of a command that has --force. */
    static final String FORCE_HELP = "Replace output files that already exist and are of the same kind (an image "
            + "by an image, a CSV by a CSV). Without it no existing file is replaced; even with it, files of another "
            + "kind, folders and the files of a run folder (config.json, metrics.csv, samples/, checkpoints/...) "
            + "never are.";

    /** The --force option, as a mixin of the commands that write files. */
    static final class Force {
        @Option(names = "--force", description = FORCE_HELP)
        boolean force;
    }

    private Outputs() {
    }

    /** A file of this kind to write at {@code file}. */
    static void file(String option, Path file, OutputCheck.Kind kind, boolean force) throws IOException {
        String conflict = OutputCheck.conflict(file, kind, force);
        if (conflict != null) {
            throw new UsageError(option + " " + file + ": " + conflict);
        }
        Path parent = file.toAbsolutePath().getParent();
        writable(parent);
    }

    /** An image file: PNG or JPEG as its extension says; any other extension is refused. */
    static void image(String option, Path file, boolean force) throws IOException {
        if (ImageFormats.formatOf(file) == null) {
            throw new UsageError(option + " " + file + ": " + ImageFormats.extensionsHint());
        }
        file(option, file, OutputCheck.Kind.IMAGE, force);
    }

    /** Files with fixed names in a folder the user chose: the folder, then every file, before anything is written. */
    static void files(String option, Path dir, List<String> names, OutputCheck.Kind kind, boolean force)
            throws IOException {
        folder(option, dir);
        for (String name : names) {
            String conflict = OutputCheck.conflict(dir.resolve(name), kind, force);
            if (conflict != null) {
                throw new UsageError(option + " " + dir + ": " + name + ": " + conflict);
            }
        }
    }

    /** A folder to write into (made if missing): not a file, not a run's own folder, and writable. */
    static void folder(String option, Path dir) throws IOException {
        String owned = OutputCheck.runOwned(dir);
        if (owned != null) {
            throw new UsageError(option + " " + dir + ": " + owned);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(option + " " + dir + ": this is a file, not a folder; name a folder");
        }
        writable(dir);
    }

    /** A folder for files whose names are known only later: new or empty, or any folder with --force. */
    static void emptyFolder(String option, Path dir, boolean force) throws IOException {
        folder(option, dir);
        if (!force && Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageError(option + " " + dir + ": this folder already holds files; choose a new or "
                            + "empty folder, or add --force to replace images of the same names");
                }
            }
        }
    }

    /** Fails, naming the folder and the reason, when nothing can be written in it. */
    static void writable(Path dir) throws IOException {
        String problem = dir == null ? null : OutputCheck.unwritable(dir);
        if (problem != null) {
            throw new IOException(problem);
        }
    }
}
