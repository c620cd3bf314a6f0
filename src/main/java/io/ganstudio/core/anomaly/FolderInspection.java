package io.ganstudio.core.anomaly;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.ImageFolderStream;
import io.ganstudio.core.data.SkippedFile;
import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Scores every image of a folder, a chunk at a time (memory holds one chunk of images; only the small result rows
 * accumulate), converting sizes and colour modes as training data is converted. With a labelled folder
 * ({@link FolderLabels}) it also measures how well the scores, and the baseline's, separate the two groups.
 */
public final class FolderInspection {

    /** Files decoded and scored at a time. */
    public static final int CHUNK = 256;

    /** Sees every scored image with its pixels, e.g. to write its heatmap or keep a thumbnail. */
    @FunctionalInterface
    public interface Sink {
        void accept(ImageFolderStream.Item item, Inspection inspection, ScoreRow row) throws IOException;
    }

    @FunctionalInterface
    public interface Progress {
        void update(int filesDone, int filesTotal);
    }

    /**
     * @param gan      AUROC and F1 of the GAN's score, null unless the folder holds both normal and anomalous images
     * @param baseline the same for the pixel-nearest-neighbour distance (null also when no baseline was computed)
     */
    public record Summary(Path folder, List<ScoreRow> rows, List<SkippedFile> skipped, Threshold threshold,
                          LabelledMetrics gan, LabelledMetrics baseline, double seconds) {
    }

    private FolderInspection() {
    }

    /**
     * @param baseline the pixel-distance baseline, or null to leave it out
     * @throws DatasetException      when the folder is missing or empty, or not one file in it is a usable image
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static Summary run(Inspector inspector, PixelNearest baseline, Path folder, Threshold threshold,
                              Sink sink, Progress progress, BooleanSupplier cancelled)
            throws DatasetException, IOException {
        long t0 = System.nanoTime();
        BooleanSupplier c = cancelled == null ? () -> false : cancelled;
        int size = inspector.model().imageSize();
        ImageFolderStream stream = ImageFolderStream.open(folder, size, inspector.model().channels(),
                Runtime.getRuntime().availableProcessors(), c);
        List<ScoreRow> rows = new ArrayList<>();
        while (stream.hasNext()) {
            if (c.getAsBoolean()) {
                throw new CancellationException("the inspection was cancelled");
            }
            List<ImageFolderStream.Item> items = stream.next(CHUNK);
            List<float[]> pixels = items.stream().map(ImageFolderStream.Item::pixels).toList();
            List<Inspection> scored = inspector.inspect(pixels);
            double[] nearest = baseline == null ? null : baseline.distances(pixels);
            for (int i = 0; i < items.size(); i++) {
                Inspection s = scored.get(i);
                ImageFolderStream.Item item = items.get(i);
                ScoreRow row = new ScoreRow(item.relative(), FolderLabels.anomalous(item.folder()), s.score(),
                        threshold.normalise(s.score()), s.imageTerm(), s.featureTerm(), threshold.above(s.score()),
                        nearest == null ? Double.NaN : nearest[i]);
                rows.add(row);
                if (sink != null) {
                    sink.accept(item, s, row);
                }
            }
            if (progress != null) {
                progress.update(stream.filesDone(), stream.fileCount());
            }
        }
        if (rows.isEmpty()) {
            List<SkippedFile> skipped = stream.skipped();
            StringBuilder examples = new StringBuilder();
            skipped.stream().limit(3).forEach(f -> examples.append(System.lineSeparator()).append("  ")
                    .append(stream.root().relativize(f.path())).append(": ").append(f.reason()));
            throw new DatasetException(Phrase.of("data.error.nothingLoaded", stream.root(), skipped.size(),
                    examples, "PNG, JPEG, BMP, GIF, WebP or TIFF"));
        }
        return new Summary(stream.root(), rows, stream.skipped(), threshold, metrics(rows, threshold, false),
                baseline == null ? null : metrics(rows, threshold, true), (System.nanoTime() - t0) / 1e9);
    }

    /** AUROC/F1 over the labelled rows; for the baseline, F1 is not meaningful (it has no threshold) and is 0. */
    static LabelledMetrics metrics(List<ScoreRow> rows, Threshold threshold, boolean baseline) {
        List<ScoreRow> labelled = rows.stream().filter(r -> r.anomalous() != null).toList();
        double[] scores = new double[labelled.size()];
        boolean[] truth = new boolean[labelled.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = baseline ? labelled.get(i).pixelNearest() : labelled.get(i).score();
            truth[i] = labelled.get(i).anomalous();
        }
        return LabelledMetrics.of(scores, truth, baseline ? Double.POSITIVE_INFINITY : threshold.value());
    }
}
