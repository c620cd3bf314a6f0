package io.ganstudio.core.quality;

import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.run.CsvFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's {@code quality.csv}: one row per quality probe. Appended to (a cut-off last row from a crash is skipped
 * when read); rows after a step are dropped when a run resumes from that step's checkpoint.
 */
public final class QualityCsv {

    public static final String FILE = "quality.csv";
    static final String HEADER = "step,probe_seconds,samples,fid,kid,confidence,min_class_share,ndb_different,"
            + "ndb_bins,js,diversity,close_share,nearest_ratio";

    private final Path file;

    public QualityCsv(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void append(QualitySnapshot s) throws IOException {
        CsvFiles.append(file, HEADER, row(s));
    }

    static String row(QualitySnapshot s) {
        return String.format(Locale.ROOT, "%d,%.3f,%d,%s,%s,%s,%s,%d,%d,%.5f,%.4f,%.4f,%.4f", s.step(), s.seconds(),
                s.samples(), num(s.fid(), "%.4f"), num(s.kid(), "%.6f"), num(s.meanConfidence(), "%.4f"),
                num(s.minClassShare(), "%.4f"), s.ndbDifferent(), s.ndbBins(), s.js(), s.diversity(), s.closeShare(),
                s.nearestRatio());
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    public List<QualitySnapshot> read() throws IOException {
        List<QualitySnapshot> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : TextFiles.readLines(file)) {
            if (line.isBlank() || line.startsWith("step")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 13) {
                continue; // a row cut off by a crash
            }
            try {
                out.add(new QualitySnapshot(Long.parseLong(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        opt(f[3]), opt(f[4]), opt(f[5]), opt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                        Double.parseDouble(f[12])));
            } catch (NumberFormatException e) {
                // a damaged row: skip it
            }
        }
        return out;
    }

    private static double opt(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** Keeps only rows up to and including {@code step}. */
    public void truncateAfter(long step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        CsvFiles.rewrite(file, HEADER, read().stream().filter(s -> s.step() <= step).map(QualityCsv::row).toList());
    }
}
