package io.ganstudio.core.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Tallies of a load for its report: original sizes, formats, upscaled images. */
final class ReportCounts {

    private final int imageSize;
    private final Map<String, Integer> sides = new TreeMap<>(
            (a, b) -> Integer.compare(DataReport.bucketOrder(a), DataReport.bucketOrder(b)));
    private final Map<String, Integer> formats = new TreeMap<>();
    private int upscaled;

    ReportCounts(int imageSize) {
        this.imageSize = imageSize;
    }

    void add(String format, int width, int height) {
        int shortSide = Math.min(width, height);
        sides.merge(DataReport.sizeBucket(shortSide), 1, Integer::sum);
        formats.merge(format, 1, Integer::sum);
        if (shortSide < imageSize) {
            upscaled++;
        }
    }

    /** Adds {@code count} images of one format and size at once (IDX files hold images of a single size). */
    void addMany(String format, int width, int height, int count) {
        int shortSide = Math.min(width, height);
        sides.merge(DataReport.sizeBucket(shortSide), count, Integer::sum);
        formats.merge(format, count, Integer::sum);
        if (shortSide < imageSize) {
            upscaled += count;
        }
    }

    Map<String, Integer> sides() {
        return new LinkedHashMap<>(sides);
    }

    Map<String, Integer> formats() {
        return new LinkedHashMap<>(formats);
    }

    int upscaled() {
        return upscaled;
    }
}
