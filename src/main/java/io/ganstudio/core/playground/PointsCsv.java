package io.ganstudio.core.playground;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads real points from a CSV file: two numbers per line (x, y), separated by a comma, semicolon, tab or spaces;
 * an optional header line; blank lines and lines starting with # are skipped. The points are scaled, keeping their
 * shape, into the middle of the unit square the playground draws.
 */
public final class PointsCsv {

    public static final int MIN_POINTS = 10;
    public static final int MAX_POINTS = 100_000;
    /** Larger files are refused before reading: 100,000 points fit in far less. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private PointsCsv() {
    }

    /** A problem with the file, said so that a person knows what to fix. */
    public static final class BadCsvException extends Exception {
        private final transient Phrase phrase;

        public BadCsvException(Phrase phrase) {
            super(phrase.english());
            this.phrase = phrase;
        }

        public Phrase phrase() {
            return phrase;
        }
    }

    public static double[] read(Path file) throws BadCsvException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadCsvException(Phrase.of("csv.notFound", file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadCsvException(Phrase.of("csv.tooBig", file.getFileName(), MAX_BYTES / (1024 * 1024)));
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new BadCsvException(Phrase.of("csv.notText", file.getFileName()));
        } catch (IOException e) {
            throw new BadCsvException(Phrase.of("csv.unreadable", file.getFileName(), String.valueOf(e.getMessage())));
        }
    }

    /** Parses and scales; the points come back as x0, y0, x1, y1, ... in [0.05, 0.95]^2. */
    public static double[] parse(String text) throws BadCsvException {
        String[] lines = text.replace("\uFEFF", "").split("\\R");
        double[] xy = new double[64];
        int n = 0;
        boolean seenData = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*[,;\\t]\\s*|\\s+");
            int lineNo = i + 1;
            if (cells.length != 2) {
                if (!seenData && !numeric(cells[0])) {
                    seenData = true; // a header line
                    continue;
                }
                throw new BadCsvException(Phrase.of("csv.columns", lineNo, cells.length, shorten(line)));
            }
            double x;
            double y;
            try {
                x = Double.parseDouble(cells[0]);
                y = Double.parseDouble(cells[1]);
            } catch (NumberFormatException e) {
                if (!seenData) {
                    seenData = true; // a header line such as "x,y"
                    continue;
                }
                throw new BadCsvException(Phrase.of("csv.notNumber", lineNo, shorten(line)));
            }
            seenData = true;
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new BadCsvException(Phrase.of("csv.notFinite", lineNo, shorten(line)));
            }
            if (n == MAX_POINTS) {
                throw new BadCsvException(Phrase.of("csv.tooMany", MAX_POINTS));
            }
            if (2 * n + 2 > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            xy[2 * n] = x;
            xy[2 * n + 1] = y;
            n++;
        }
        if (n < MIN_POINTS) {
            throw new BadCsvException(Phrase.of("csv.tooFew", n, MIN_POINTS));
        }
        return scale(Arrays.copyOf(xy, 2 * n));
    }

    private static double[] scale(double[] xy) throws BadCsvException {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        if (!Double.isFinite(extent)) {
            throw new BadCsvException(Phrase.of("csv.range"));
        }
        if (!(extent > 0)) {
            throw new BadCsvException(Phrase.of("csv.allSame", xy.length / 2));
        }
        // A spread below the smallest normal double (5e-324 apart, say) cannot be scaled: 0.9 / extent overflows
        // and every loss becomes NaN.
        double k = 0.9 / extent;
        if (extent < Double.MIN_NORMAL || !Double.isFinite(k)) {
            throw new BadCsvException(Phrase.of("csv.tooClose", xy.length / 2));
        }
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double[] out = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            out[i] = 0.5 + (xy[i] - cx) * k;
            out[i + 1] = 0.5 + (xy[i + 1] - cy) * k;
            if (!Double.isFinite(out[i]) || !Double.isFinite(out[i + 1])) {
                throw new BadCsvException(Phrase.of("csv.range"));
            }
        }
        return out;
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
