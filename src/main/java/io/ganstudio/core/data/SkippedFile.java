package io.ganstudio.core.data;

import java.nio.file.Path;

/** A file that was not loaded, with a reason a person understands ("empty file (0 bytes)"). */
public record SkippedFile(Path path, String reason) {
}
