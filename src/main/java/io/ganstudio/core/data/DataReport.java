package io.ganstudio.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a load found, kept and skipped, for the CLI, the dataset screen and the run folder's data-report.txt.
 *
 * @param source            what was loaded, as shown to the user
 * @param imageSize         side of the square images produced
 * @param channels          1 when every loaded image was grayscale, else 3
 * @param found             files (or IDX records) looked at
 * @param loaded            images in the dataset
 * @param skipped           every file that was not loaded, with its reason, in path order
 * @param perClass          images per class name, in class order; empty when the source has no classes
 * @param shortSides        images per bucket of their original shorter side ("64-127 px"), smallest first
 * @param upscaled          images smaller than imageSize, enlarged by bilinear interpolation
 * @param formats           images per format name ("png", "jpeg", "idx")
 * @param loadSeconds       how long this load took
 * @param firstLoadSeconds  how long the decoding load took (equal to loadSeconds unless fromCache)
 * @param fromCache         whether this load read the decoded-dataset cache
 */
public record DataReport(String source, int imageSize, int channels, int found, int loaded,
                         List<SkippedFile> skipped, Map<String, Integer> perClass, Map<String, Integer> shortSides,
                         int upscaled, Map<String, Integer> formats,
                         double loadSeconds, double firstLoadSeconds, boolean fromCache) {

    private static final int[] BUCKET_FLOORS = {0, 32, 64, 128, 256, 512, 1024, 2048};

    public DataReport {
        skipped = List.copyOf(skipped);
        perClass = unmodifiableCopy(perClass);
        shortSides = unmodifiableCopy(shortSides);
        formats = unmodifiableCopy(formats);
    }

    /** The histogram bucket an image with this shorter side falls in. */
    public static String sizeBucket(int shortSide) {
        int i = BUCKET_FLOORS.length - 1;
        while (BUCKET_FLOORS[i] > shortSide) {
            i--;
        }
        if (i == 0) {
            return "< " + BUCKET_FLOORS[1] + " px";
        }
        if (i == BUCKET_FLOORS.length - 1) {
            return ">= " + BUCKET_FLOORS[i] + " px";
        }
        return BUCKET_FLOORS[i] + "-" + (BUCKET_FLOORS[i + 1] - 1) + " px";
    }

    /** Order of the buckets, so histograms print smallest first. */
    static int bucketOrder(String bucket) {
        for (int i = 0; i < BUCKET_FLOORS.length; i++) {
            if (sizeBucket(BUCKET_FLOORS[i]).equals(bucket)) {
                return i;
            }
        }
        return BUCKET_FLOORS.length;
    }

    /** The same report for a load that was served from the cache in {@code seconds}. */
    public DataReport servedFromCache(double seconds) {
        return new DataReport(source, imageSize, channels, found, loaded, skipped, perClass, shortSides, upscaled,
                formats, seconds, firstLoadSeconds, true);
    }

    /** A few lines for the CLI and the status bar. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %d images as %d x %d x %d in %.2f s%s%n", source, loaded, channels,
                imageSize, imageSize, loadSeconds,
                fromCache ? String.format(Locale.ROOT, " (from cache; decoding took %.2f s)", firstLoadSeconds) : ""));
        s.append("Found ").append(found).append(", loaded ").append(loaded).append(", skipped ").append(skipped.size());
        if (!skipped.isEmpty()) {
            s.append(" (first: ").append(skipped.get(0).path().getFileName()).append(": ")
                    .append(skipped.get(0).reason()).append(")");
        }
        s.append(System.lineSeparator());
        if (!perClass.isEmpty()) {
            s.append("Classes: ").append(join(perClass)).append(System.lineSeparator());
        }
        s.append("Original shorter side: ").append(join(shortSides));
        if (upscaled > 0) {
            s.append("; ").append(upscaled).append(" smaller than ").append(imageSize).append(" px were upscaled");
        }
        s.append(System.lineSeparator());
        s.append("Formats: ").append(join(formats)).append(System.lineSeparator());
        return s.toString();
    }

    /** Writes a readable text report, every skipped file included. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text(), StandardCharsets.UTF_8);
    }

    /** The report as data-report.txt holds it. */
    public String text() {
        StringBuilder s = new StringBuilder();
        String nl = System.lineSeparator();
        s.append("GAN Studio data report").append(nl).append(nl);
        s.append(summary()).append(nl);
        s.append("Channels: ").append(channels)
                .append(channels == 1 ? " (every image was grayscale)" : " (at least one image has colour)").append(nl);
        section(s, "Images per class", perClass);
        section(s, "Original shorter side", shortSides);
        section(s, "Formats", formats);
        s.append("Skipped files: ").append(skipped.size()).append(nl);
        skippedByReason().forEach((reason, files) -> {
            s.append(nl).append("  ").append(reason).append(" (").append(files.size())
                    .append(files.size() == 1 ? " file)" : " files)").append(nl);
            files.forEach(f -> s.append("      ").append(f.path()).append(nl));
        });
        return s.toString();
    }

    /**
     * Skipped files grouped by reason, the most common reason first, so that a few broken files stand out among
     * many skipped for the same harmless reason (a folder of icons with SVGs beside the PNGs, say).
     */
    public Map<String, List<SkippedFile>> skippedByReason() {
        Map<String, List<SkippedFile>> groups = new LinkedHashMap<>();
        for (SkippedFile f : skipped) {
            groups.computeIfAbsent(f.reason(), k -> new ArrayList<>()).add(f);
        }
        Map<String, List<SkippedFile>> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> sorted.put(e.getKey(), List.copyOf(e.getValue())));
        return sorted;
    }

    private static void section(StringBuilder s, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        s.append(title).append(':').append(System.lineSeparator());
        counts.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %-20s %8d%n", k, v)));
        s.append(System.lineSeparator());
    }

    private static String join(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringJoiner j = new StringJoiner(", ");
        counts.forEach((k, v) -> j.add(k + " " + v));
        return j.toString();
    }

    private static Map<String, Integer> unmodifiableCopy(Map<String, Integer> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
