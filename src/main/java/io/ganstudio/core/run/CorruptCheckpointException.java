package io.ganstudio.core.run;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that cannot be trusted: damaged, cut short, or not a checkpoint at all. */
public final class CorruptCheckpointException extends IOException {

    private final Path file;

    public CorruptCheckpointException(Path file, String reason) {
        super(file.getFileName() + " cannot be loaded: " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
