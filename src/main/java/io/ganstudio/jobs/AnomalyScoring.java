package io.ganstudio.jobs;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.FolderInspection;
import io.ganstudio.core.anomaly.Heatmap;
import io.ganstudio.core.anomaly.Inspection;
import io.ganstudio.core.anomaly.Inspector;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.PixelNearest;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.anomaly.RunData;
import io.ganstudio.core.anomaly.ScoreCsv;
import io.ganstudio.core.anomaly.ScoreRow;
import io.ganstudio.core.anomaly.Threshold;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.ImageFolderStream;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Scores images with a run's fitted encoder: a whole folder (with the pixel-nearest-neighbour baseline when the run's
 * training images are at hand), one image with its reconstruction and heatmap, and the heatmaps as pictures. Holds
 * the engine objects between jobs; one job at a time uses them.
 */
public final class AnomalyScoring implements AutoCloseable {

    /** How opaque a heatmap is drawn over its image when nobody chooses. */
    public static final double DEFAULT_OPACITY = 0.6;

    /**
     * @param folder    the images to score (subfolders too; good/ok/normal against others labels them)
     * @param threshold the threshold the rows are marked against
     * @param baseline  whether to measure the pixel-nearest-neighbour baseline too (it must be loaded)
     * @param csv       where to write the rows as CSV, or null for nowhere
     */
    public record Request(Path folder, Threshold threshold, boolean baseline, Path csv) {
    }

    /** One image read as the encoder sees it, and what the GAN made of it. */
    public record One(float[] pixels, Inspection inspection) {
    }

    /** A scored image to draw a heatmap for: its file, and the path relative to the scored folder. */
    public record MapItem(Path file, String relative) {
    }

    /** The run has no checkpoint yet, so there is no GAN to fit an encoder to or to score with. */
    public static final class NoCheckpointException extends IOException {
        public NoCheckpointException(Path run) {
            super("the run at " + run.toAbsolutePath() + " has no checkpoint yet");
        }
    }

    private final RunFolder run;
    private final Inspector inspector;
    private PixelNearest baseline;

    private AnomalyScoring(RunFolder run, Inspector inspector) {
        this.run = run;
        this.inspector = inspector;
    }

    /**
     * A trained run folder, with the engine started: what opening a run for inspection checks first.
     *
     * @throws NoCheckpointException when the run has not written a checkpoint yet
     */
    public static RunFolder trainedRun(Path dir) throws IOException {
        EngineSetup.init();
        RunFolder folder = RunFolder.open(dir);
        if (Checkpoints.list(folder.checkpointDir()).isEmpty()) {
            throw new NoCheckpointException(dir);
        }
        return folder;
    }

    /**
     * Opens the run's encoder.
     *
     * @throws java.nio.file.NoSuchFileException when the run has no fitted encoder (its reason says to fit one)
     */
    public static AnomalyScoring open(RunFolder run) throws IOException {
        return new AnomalyScoring(run, Inspector.open(run));
    }

    /**
     * Opens an inspection model file from anywhere (another machine's fit); with {@code run} not null it must belong
     * to that run, whose training images then serve the baseline. Without a run, the baseline reads the normal
     * reference images inside the model.
     */
    public static AnomalyScoring open(Path modelFile, RunFolder run) throws IOException {
        return new AnomalyScoring(run, Inspector.open(modelFile, run));
    }

    public EncoderFile encoder() {
        return inspector.encoderFile();
    }

    public int imageSize() {
        return inspector.model().imageSize();
    }

    public int channels() {
        return inspector.model().channels();
    }

    /**
     * The chosen method's fit-time threshold, or the one at {@code percentile} of its validation scores when it is
     * not null.
     */
    public Threshold threshold(Double percentile) {
        return percentile == null ? inspector.threshold() : inspector.threshold(percentile);
    }

    /** The score (and map) that scoring returns from now on. */
    public void setMethod(ScoreMethod m) {
        inspector.setMethod(m);
    }

    public ScoreMethod method() {
        return inspector.method();
    }

    /** The normal validation images' scores of the chosen method (what its thresholds come from). */
    public double[] validationScores() {
        return inspector.stats(inspector.method()).validationScores();
    }

    /**
     * Loads the run's training images for the baseline, once.
     *
     * @throws DatasetException the training images cannot be loaded (scoring works without a baseline)
     */
    public void loadBaseline(Path cacheDir, BooleanSupplier cancelled) throws IOException, DatasetException {
        if (baseline == null) {
            baseline = run != null
                    ? new PixelNearest(RunData.load(run, cacheDir, cancelled), run.config().train().seed())
                    : new PixelNearest(inspector.referencePixels(), inspector.model());
        }
    }

    /**
     * Scores every image of a folder and writes the CSV when one is asked for.
     *
     * @param each      sees every scored image with its pixels (a heatmap, a thumbnail), or null
     * @param progress  files done of all, or null
     * @param cancelled polled between chunks of images
     * @throws DatasetException      the folder is missing or holds no usable image
     * @throws CancellationException when cancelled
     */
    public FolderInspection.Summary score(Request r, FolderInspection.Sink each, FolderInspection.Progress progress,
                                          BooleanSupplier cancelled) throws IOException, DatasetException {
        if (r.baseline() && baseline == null) {
            throw new IllegalStateException("the baseline is not loaded");
        }
        FolderInspection.Summary s = FolderInspection.run(inspector, r.baseline() ? baseline : null, r.folder(),
                r.threshold(), each, progress, cancelled);
        if (r.csv() != null) {
            ScoreCsv.write(r.csv(), s.rows());
        }
        return s;
    }

    /** One image file, read at the model's size, with its score, reconstruction and map (refined: AnoGAN's search). */
    public One inspect(Path file, boolean refine) throws DatasetException {
        float[] pixels = ImageFolderStream.readOne(file, imageSize(), channels());
        List<float[]> one = List.of(pixels);
        return new One(pixels, (refine ? inspector.refine(one) : inspector.inspect(one)).get(0));
    }

    /** The image with its heatmap drawn over it, as ARGB pixels. */
    public int[] overlay(float[] pixels, Inspection inspection, double opacity) {
        return Heatmap.overlay(argb(pixels), inspection.map(), inspector.mapScale(), opacity);
    }

    /** Writes the image with its heatmap over it as a PNG. */
    public void writeMap(float[] pixels, Inspection inspection, double opacity, Path file) throws IOException {
        SampleGrid.writePng(overlay(pixels, inspection, opacity), imageSize(), imageSize(), file);
    }

    /**
     * Writes each image's heatmap over the image into {@code dir}, named by {@link #mapName}.
     *
     * @throws CancellationException when cancelled
     */
    public void writeMaps(List<MapItem> items, Path dir, double opacity, FolderInspection.Progress progress,
                          BooleanSupplier cancelled) throws IOException, DatasetException {
        for (int i = 0; i < items.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("writing the maps was cancelled");
            }
            One one = inspect(items.get(i).file(), false);
            writeMap(one.pixels(), one.inspection(), opacity, dir.resolve(mapName(items.get(i).relative())));
            progress.update(i + 1, items.size());
        }
    }

    /** The heatmap scale the maps are coloured against. */
    public float mapScale() {
        return inspector.mapScale();
    }

    /** CHW pixels in [-1, 1] as ARGB. */
    public int[] argb(float[] pixels) {
        return SampleGrid.toArgb(pixels, 0, channels(), imageSize());
    }

    /** A flat file name for an image's map: its relative path with separators made safe, then .png. */
    public static String mapName(String relative) {
        return relative.replace('/', '_').replace('\\', '_') + ".png";
    }

    // ---- marks: cheap, no engine

    /** The row marked against another threshold. */
    public static ScoreRow marked(ScoreRow s, Threshold t) {
        return new ScoreRow(s.path(), s.anomalous(), s.score(), t.normalise(s.score()), s.imageTerm(),
                s.featureTerm(), t.above(s.score()), s.pixelNearest());
    }

    /**
     * AUROC and F1 over the labelled rows, of the GAN's score at threshold {@code t} or, with {@code baseline}, of
     * the pixel distance (rows without one left out; F1 has no threshold there).
     */
    public static LabelledMetrics labelledMetrics(List<ScoreRow> rows, Threshold t, boolean baseline) {
        List<ScoreRow> labelled = rows.stream().filter(r -> r.anomalous() != null
                && !(baseline && Double.isNaN(r.pixelNearest()))).toList();
        double[] s = new double[labelled.size()];
        boolean[] truth = new boolean[labelled.size()];
        for (int i = 0; i < s.length; i++) {
            ScoreRow r = labelled.get(i);
            s[i] = baseline ? r.pixelNearest() : r.score();
            truth[i] = r.anomalous();
        }
        return LabelledMetrics.of(s, truth, baseline ? Double.POSITIVE_INFINITY : t.value());
    }

    @Override
    public void close() {
        inspector.close();
        if (baseline != null) {
            baseline.close();
            baseline = null;
        }
    }
}
