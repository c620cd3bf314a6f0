package io.ganstudio.core.anomaly;

import io.ganstudio.core.files.AtomicFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes inspection results as CSV (UTF-8, comma separated, a header line, one row per image), atomically. */
public final class ScoreCsv {

    public static final String HEADER =
            "path,score,normalised_score,above_threshold,image_term,feature_term,pixel_nn_distance,label";

    private ScoreCsv() {
    }

    public static void write(Path file, List<ScoreRow> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER);
            w.write('\n');
            for (ScoreRow r : rows) {
                w.write(line(r));
                w.write('\n');
            }
            w.flush();
        });
    }

    static String line(ScoreRow r) {
        String label = r.anomalous() == null ? "" : r.anomalous() ? "anomalous" : "normal";
        return quote(r.path()) + "," + number(r.score()) + "," + number(r.normalised()) + "," + r.aboveThreshold()
                + "," + number(r.imageTerm()) + "," + number(r.featureTerm()) + ","
                + (Double.isNaN(r.pixelNearest()) ? "" : number(r.pixelNearest())) + "," + label;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** RFC 4180 quoting when a path holds a comma, quote or line break. */
    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
