package io.ganstudio.cli;

import java.util.List;

/** The command line asks for something that cannot be done as asked; each line says what to change. Exit code 2. */
final class UsageError extends RuntimeException {

    private final List<String> lines;

    UsageError(String line) {
        this(List.of(line));
    }

    UsageError(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    List<String> lines() {
        return lines;
    }
}
