package io.ganstudio.core.health;

import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.run.CsvFiles;
import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A run's {@code health.csv}: one row each time a health warning is raised or cleared, with the figures that decided
 * it in English (quoted), and the same as a message key and its values (separated by |) so the studio can say them
 * in Japanese too. Appended to; rows after a step are dropped when a run resumes from that step.
 */
public final class HealthCsv {

    public static final String FILE = "health.csv";
    static final String HEADER = "step,warning,state,evidence,evidence_key,evidence_values";

    /** One row as read back. */
    public record Row(long step, HealthIssue issue, boolean raised, Phrase evidencePhrase) {

        /** The figures in English. */
        public String evidence() {
            return evidencePhrase.english();
        }
    }

    private final Path file;

    public HealthCsv(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void append(HealthWarning w) throws IOException {
        CsvFiles.append(file, HEADER, row(new Row(w.step(), w.issue(), w.raised(), w.evidence())));
    }

    private static String row(Row r) {
        return r.step() + "," + r.issue().key() + "," + (r.raised() ? "raised" : "cleared") + ",\""
                + r.evidence().replace("\"", "\"\"") + "\"," + r.evidencePhrase().key() + ","
                + String.join("|", r.evidencePhrase().values());
    }

    /** Every complete row, in file order; a damaged row (cut off by a crash) is skipped. */
    public List<Row> read() throws IOException {
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : TextFiles.readLines(file)) {
            String[] f = line.split(",", 4);
            int close = f.length == 4 ? f[3].lastIndexOf('"') : -1;
            if (f.length != 4 || line.startsWith("step,") || !f[3].startsWith("\"") || close < 1) {
                continue;
            }
            String[] keyed = f[3].substring(close + 1).split(",", -1); // "", key, values
            if (keyed.length != 3 || !keyed[1].startsWith("health.evidence.")) {
                continue; // cut off by a crash
            }
            try {
                Phrase evidence = new Phrase(keyed[1], keyed[2].isEmpty() ? List.of()
                        : List.of(keyed[2].split("\\|", -1)));
                evidence.english(); // a key this version does not know: skip the row
                out.add(new Row(Long.parseLong(f[0]), HealthIssue.ofKey(f[1]), f[2].equals("raised"), evidence));
            } catch (RuntimeException e) {
                // a damaged row: skip it
            }
        }
        return out;
    }

    /** The warnings still raised after the last row. */
    public Set<HealthIssue> activeAtEnd() throws IOException {
        EnumSet<HealthIssue> active = EnumSet.noneOf(HealthIssue.class);
        for (Row r : read()) {
            if (r.raised()) {
                active.add(r.issue());
            } else {
                active.remove(r.issue());
            }
        }
        return active;
    }

    /** Keeps only rows up to and including {@code step}. */
    public void truncateAfter(long step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        CsvFiles.rewrite(file, HEADER, read().stream().filter(r -> r.step() <= step).map(HealthCsv::row).toList());
    }
}
