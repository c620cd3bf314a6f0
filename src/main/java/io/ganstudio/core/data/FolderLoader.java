package io.ganstudio.core.data;

import io.ganstudio.core.data.ImageFileReader.Decoded;
import io.ganstudio.core.data.ImageFileReader.Outcome;
import io.ganstudio.core.data.ImageFileReader.Rejected;
import io.ganstudio.core.text.Phrase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decodes every file of a folder listing in parallel and assembles the dataset: one channel when every image is
 * gray, class labels when every image sits in an immediate subfolder (the subfolder's name is the class).
 */
final class FolderLoader {

    private FolderLoader() {
    }

    static LoadResult load(FolderScanner.Listing listing, int size, int background, int pad, LoadOptions options,
                           LoadProgress progress, long startNanos) throws DatasetException {
        List<SourceFile> files = listing.files();
        List<Outcome> outcomes = ParallelWork.map(files.size(), options.threads(),
                i -> ImageFileReader.read(files.get(i).path(), files.get(i).length(), size, background, pad),
                progress, options.cancelled());

        List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof Rejected r) {
                skipped.add(new SkippedFile(files.get(i).path(), r.reason()));
            } else {
                kept.add(i);
            }
        }
        skipped.sort(Comparator.comparing(s -> s.path().toString()));
        if (kept.isEmpty()) {
            throw new DatasetException(nothingLoaded(listing, skipped));
        }

        boolean gray = kept.stream().allMatch(i -> ((Decoded) outcomes.get(i)).gray());
        int channels = gray ? 1 : 3;
        int imageBytes = channels * size * size;
        long total = (long) kept.size() * imageBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DatasetException(Phrase.of("data.error.tooBig", kept.size(), channels, size, size,
                    String.format(Locale.ROOT, "%.1f", total / 1e9)));
        }

        List<String> classNames = classNames(files, kept);
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        classNames.forEach(n -> classIndex.put(n, classIndex.size()));
        int[] labels = classNames.isEmpty() ? null : new int[kept.size()];
        Map<String, Integer> perClass = new LinkedHashMap<>();
        classNames.forEach(n -> perClass.put(n, 0));

        byte[] pixels = new byte[(int) total];
        ReportCounts counts = new ReportCounts(size);
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            Decoded d = (Decoded) outcomes.get(i);
            // Gray images hold R = G = B, so the red plane is the whole image.
            System.arraycopy(d.rgb(), 0, pixels, k * imageBytes, imageBytes);
            outcomes.set(i, null);
            counts.add(d.format(), d.width(), d.height());
            if (labels != null) {
                String name = files.get(i).topFolder();
                labels[k] = classIndex.get(name);
                perClass.merge(name, 1, Integer::sum);
            }
        }
        ImageDataset dataset = new ImageDataset(kept.size(), size, channels, pixels, labels, classNames);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        DataReport report = new DataReport(listing.root().toString(), size, channels,
                files.size() + listing.skipped().size(), kept.size(), skipped, perClass, counts.sides(),
                counts.upscaled(), counts.formats(), seconds, seconds, false);
        return new LoadResult(dataset, report);
    }

    /** Sorted subfolder names when every loaded image lies in one; empty (no labels) otherwise. */
    private static List<String> classNames(List<SourceFile> files, List<Integer> kept) {
        TreeSet<String> names = new TreeSet<>();
        for (int i : kept) {
            String top = files.get(i).topFolder();
            if (top == null) {
                return List.of();
            }
            names.add(top);
        }
        return new ArrayList<>(names);
    }

    private static Phrase nothingLoaded(FolderScanner.Listing listing, List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return Phrase.of("data.error.emptyFolder", listing.root(), ImageFileReader.READABLE);
        }
        // The examples' reasons stay English here: the studio lists every skipped file in its own language.
        StringBuilder examples = new StringBuilder();
        skipped.stream().limit(3).forEach(f -> examples.append(System.lineSeparator()).append("  ")
                .append(listing.root().relativize(f.path())).append(": ").append(f.reason()));
        return Phrase.of(skipped.size() == 1 ? "data.error.nothingLoaded.one" : "data.error.nothingLoaded",
                listing.root(), skipped.size(), examples, ImageFileReader.READABLE);
    }
}
