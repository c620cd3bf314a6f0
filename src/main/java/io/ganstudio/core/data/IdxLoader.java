package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loads IDX images (a file with an optional labels file beside it) into a dataset of the requested size. */
final class IdxLoader {

    private IdxLoader() {
    }

    /** The labels file beside an images file by the usual naming (t10k-images-idx3-ubyte -> t10k-labels-idx1-ubyte). */
    static Path labelsBeside(Path images) {
        String name = images.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String labels = base.replace("images", "labels").replace("idx3", "idx1");
        if (labels.equals(base)) {
            return null;
        }
        for (String candidate : List.of(labels, labels + ".gz")) {
            Path p = images.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads the images file and, when present, its labels file; class names default to the label numbers. */
    static LoadResult loadFile(Path images, int size, int pad, LoadOptions options, LoadProgress progress, long startNanos)
            throws DatasetException {
        if (!Files.isRegularFile(images)) {
            throw new DatasetException(Phrase.of("data.error.idxMissing", images));
        }
        Path labelsFile = labelsBeside(images);
        IdxFormat.IdxImages data;
        int[] labels = null;
        try (InputStream in = Files.newInputStream(images)) {
            data = IdxFormat.readImages(in, images.toString(), Files.size(images));
        } catch (IOException e) {
            throw new DatasetException(Phrase.of("data.error.idxUnreadable", images, e.getMessage()), e);
        }
        if (labelsFile != null) {
            try (InputStream in = Files.newInputStream(labelsFile)) {
                labels = IdxFormat.readLabels(in, labelsFile.toString(), data.count());
            } catch (IOException e) {
                throw new DatasetException(Phrase.of("data.error.labelsUnreadable", labelsFile, e.getMessage()), e);
            }
        }
        return assemble(data, labels, numberNames(labels), images.toString(), size, pad, options, progress, startNanos);
    }

    static LoadResult assemble(IdxFormat.IdxImages data, int[] labels, List<String> classNames, String source,
                               int size, int pad, LoadOptions options, LoadProgress progress, long startNanos) throws DatasetException {
        int n = data.count();
        checkFits(n, size, data.channels(), source);
        List<byte[]> images = ParallelWork.map(n, options.threads(),
                i -> Resampler.fit(new IdxRows(data, i), size, pad), progress, options.cancelled());
        int imageBytes = data.channels() * size * size;
        byte[] pixels = new byte[n * imageBytes];
        for (int i = 0; i < n; i++) {
            System.arraycopy(images.get(i), 0, pixels, i * imageBytes, imageBytes);
        }
        boolean labelled = labels != null && !classNames.isEmpty();
        ImageDataset dataset = new ImageDataset(n, size, data.channels(), pixels, labelled ? labels : null,
                labelled ? classNames : List.of());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        if (labelled) {
            classNames.forEach(c -> perClass.put(c, 0));
            for (int label : labels) {
                perClass.merge(classNames.get(label), 1, Integer::sum);
            }
        }
        ReportCounts counts = new ReportCounts(size);
        counts.addMany("idx", data.width(), data.height(), n);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        DataReport report = new DataReport(source, size, data.channels(), n, n, List.of(), perClass, counts.sides(),
                counts.upscaled(), counts.formats(), seconds, seconds, false);
        return new LoadResult(dataset, report);
    }

    /**
     * Refuses, before any image is made, a count of images whose prepared pixels could not be held: more than one
     * array holds (2 GB), or more than this Java's memory allows (each image is held twice while it is assembled).
     */
    static void checkFits(int count, int size, int channels, String source) throws DatasetException {
        long bytes = (long) count * size * size * channels;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(Phrase.of("data.error.idxTooBig", source, bytes >> 20));
        }
        long needed = 2 * bytes;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available * 0.8) {
            throw new DatasetException(Phrase.of("data.error.memory", count, size, size,
                    String.format(Locale.ROOT, "%.1f", needed / 1e9),
                    String.format(Locale.ROOT, "%.1f", available / 1e9)));
        }
    }

    private static List<String> numberNames(int[] labels) {
        if (labels == null) {
            return List.of();
        }
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
