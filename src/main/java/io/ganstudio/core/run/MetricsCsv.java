package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.files.TextFiles;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's metrics.csv: one row per step, readable by any spreadsheet or pandas. Rows are buffered in memory and
 * appended on {@link #flush()}, so a step never waits for the disk. A row cut off by a crash is skipped on reading.
 */
public final class MetricsCsv {

    public static final String HEADER =
            "step,seconds,d_loss,g_loss,d_real,d_fake,images_per_s,augment_p,augment_r,d_real_sign";
    /** The columns before d_real_sign existed. */
    static final String AUGMENT_HEADER = "step,seconds,d_loss,g_loss,d_real,d_fake,images_per_s,augment_p,augment_r";
    /** The columns before augmentation existed: such files are still read (and resumed runs append to them). */
    static final String OLD_HEADER = "step,seconds,d_loss,g_loss,d_real,d_fake,images_per_s";

    private final Path file;
    private final List<StepMetrics> pending = new ArrayList<>();

    public MetricsCsv(Path file) {
        this.file = file;
    }

    /** Creates the file with its header, unless it exists. */
    public void create() throws IOException {
        if (Files.notExists(file)) {
            AtomicFiles.write(file, out -> out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    public synchronized void append(List<StepMetrics> rows) {
        pending.addAll(rows);
    }

    /** Appends the buffered rows to the file. */
    public synchronized void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        if (!endsWithNewline()) {
            text.append('\n'); // a crash cut the last row: start a fresh line instead of gluing onto it
        }
        for (StepMetrics m : pending) {
            text.append(format(m)).append('\n');
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(text.toString());
        }
        pending.clear();
    }

    /** Every complete row in the file (buffered rows not yet flushed are not included), in file order. */
    public synchronized List<StepMetrics> read() throws IOException {
        List<StepMetrics> rows = new ArrayList<>();
        if (Files.notExists(file)) {
            return rows;
        }
        String text = TextFiles.readUtf8(file);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!text.endsWith("\n") && lines.size() > 1) {
            lines.remove(lines.size() - 1); // cut off by a crash mid-write: its last number may be incomplete
        }
        if (lines.isEmpty() || !(lines.get(0).trim().equals(HEADER) || lines.get(0).trim().equals(AUGMENT_HEADER)
                || lines.get(0).trim().equals(OLD_HEADER))) {
            throw new IOException(file + " does not start with the expected columns (" + HEADER + "); it was not "
                    + "written by GAN Studio or has been edited");
        }
        for (String line : lines.subList(1, lines.size())) {
            StepMetrics m = parse(line);
            if (m != null) {
                rows.add(m);
            }
        }
        return rows;
    }

    /**
     * Drops every row after a step, in the file and in the buffer: a run resumed from the checkpoint at that step
     * will write those steps again. The file is rewritten atomically.
     */
    public synchronized void truncateAfter(long step) throws IOException {
        pending.removeIf(m -> m.step() > step);
        List<StepMetrics> kept = read().stream().filter(m -> m.step() <= step).toList();
        AtomicFiles.write(file, out -> {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            kept.forEach(m -> text.append(format(m)).append('\n'));
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    private boolean endsWithNewline() throws IOException {
        if (Files.notExists(file) || Files.size(file) == 0) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** Losses as floats (they are floats in the engine), so the file stays short and round-trips exactly. */
    static String format(StepMetrics m) {
        return m.step() + "," + String.format(Locale.ROOT, "%.3f", m.seconds()) + "," + (float) m.dLoss() + ","
                + (float) m.gLoss() + "," + (float) m.dReal() + "," + (float) m.dFake() + ","
                + String.format(Locale.ROOT, "%.1f", m.imagesPerSecond()) + "," + optional(m.augmentP()) + ","
                + optional(m.augmentR()) + "," + optional(m.realSign());
    }

    /** Empty for NaN (no value), so a spreadsheet shows a blank cell. */
    private static String optional(double v) {
        return Double.isNaN(v) ? "" : Float.toString((float) v);
    }

    private static double parseOptional(String s) {
        return s.isBlank() ? Double.NaN : Float.parseFloat(s);
    }

    private static StepMetrics parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7 && f.length != 9 && f.length != 10) {
            return null;
        }
        try {
            // Losses parse as floats, as they were written, so the values come back bit for bit.
            return new StepMetrics(Long.parseLong(f[0].trim()), Double.parseDouble(f[1]), Float.parseFloat(f[2]),
                    Float.parseFloat(f[3]), Float.parseFloat(f[4]), Float.parseFloat(f[5]),
                    Double.parseDouble(f[6]), f.length >= 9 ? parseOptional(f[7]) : Double.NaN,
                    f.length >= 9 ? parseOptional(f[8]) : Double.NaN,
                    f.length == 10 ? parseOptional(f[9]) : Double.NaN);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
