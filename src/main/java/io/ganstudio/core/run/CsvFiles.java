package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The run folder's small CSV logs beside metrics.csv (quality.csv, health.csv): append a row, cut after a step. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** Appends one row (no line end), writing the header first into a new or empty file. */
    public static void append(Path file, String header, String row) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                out.write(header + "\n");
            }
            out.write(row + "\n");
        }
    }

    /** Replaces the file, atomically, by the header and these rows (what a resumed run keeps). */
    public static void rewrite(Path file, String header, List<String> rows) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        rows.forEach(r -> b.append(r).append('\n'));
        AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
