package io.ganstudio.ui.inspect;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.EncoderFit;
import io.ganstudio.core.anomaly.FolderInspection;
import io.ganstudio.core.anomaly.Inspection;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.ScoreCsv;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.anomaly.ScoreRow;
import io.ganstudio.core.anomaly.Threshold;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.AnomalyFit;
import io.ganstudio.jobs.AnomalyScoring;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import io.ganstudio.ui.task.WorkContext;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Inspect screen's state and work, without controls: a run, its encoder (fit it, with progress and the loss),
 * an inspected folder's scores, the threshold (a percentile of the normal validation scores, the sensitivity
 * control), and the selected image with its reconstruction and heatmap. Engine work goes through the studio's
 * background tasks, one job at a time (the engine objects are used by one job at a time).
 */
public final class InspectViewModel {

    public enum State { NO_RUN, BUSY, READY }

    /** One inspected image: its scores and a small picture for the table. */
    public record Row(ScoreRow score, Path file, ArgbFrame thumbnail) {
    }

    /** The selected image with what the GAN made of it. */
    public record Detail(Row row, ArgbFrame image, ArgbFrame reconstruction, float[] map, float mapScale,
                         double score, boolean refined) {
    }

    private static final Map<Object, InspectViewModel> BY_OWNER = new WeakHashMap<>();
    private static final int THUMB = 48;

    private final BackgroundTasks tasks;
    private final InspectText text;
    private final Path cacheDir;
    private final ReadOnlyObjectWrapper<Path> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_RUN);
    private final ReadOnlyBooleanWrapper hasEncoder = new ReadOnlyBooleanWrapper(this, "hasEncoder");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper encoderSummary = new ReadOnlyStringWrapper(this, "encoderSummary", "");
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper(this, "resultSummary", "");
    /** How each text above is worded, so that a language switch can word it again ({@link #reword()}). */
    private Supplier<String> statusWords = () -> "";
    private Supplier<String> encoderWords = () -> "";
    private Supplier<String> resultWords = () -> "";
    private final ReadOnlyObjectWrapper<float[]> losses = new ReadOnlyObjectWrapper<>(this, "losses", new float[0]);
    private final ReadOnlyObjectWrapper<double[]> validationScores =
            new ReadOnlyObjectWrapper<>(this, "validationScores", new double[0]);
    private final ReadOnlyObjectWrapper<Threshold> threshold = new ReadOnlyObjectWrapper<>(this, "threshold");
    private final ReadOnlyObjectWrapper<LabelledMetrics> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ReadOnlyObjectWrapper<LabelledMetrics> baselineMetrics =
            new ReadOnlyObjectWrapper<>(this, "baselineMetrics");
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final DoubleProperty percentile = new SimpleDoubleProperty(this, "percentile",
            Threshold.DEFAULT_PERCENTILE);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final IntegerProperty fitSteps = new SimpleIntegerProperty(this, "fitSteps",
            EncoderFit.Settings.DEFAULT_STEPS);
    private final BooleanProperty withBaseline = new SimpleBooleanProperty(this, "withBaseline", true);
    private final ObjectProperty<ScoreMethod> method = new SimpleObjectProperty<>(this, "method",
            ScoreMethod.DEFAULT);
    /** The folder inspected last: a change of method scores it again. */
    private Path lastFolder;

    // Used by one background job at a time.
    private AnomalyScoring scoring;
    private Task<?> running;
    private boolean followsTrainScreen;

    public InspectViewModel(BackgroundTasks tasks, InspectText text, Path cacheDir) {
        this.tasks = tasks;
        this.text = text;
        this.cacheDir = cacheDir;
        percentile.addListener((o, a, p) -> applyThreshold());
        method.addListener((o, a, m) -> applyMethod());
    }

    /** One ViewModel per studio window, kept across the view rebuilds of a language switch. */
    public static synchronized InspectViewModel of(Object owner, BackgroundTasks tasks, InspectText text,
                                                   Path cacheDir) {
        return BY_OWNER.computeIfAbsent(owner, o -> new InspectViewModel(tasks, text, cacheDir));
    }

    // ---- actions

    /** Opens a trained run the user chose; its encoder too when one was fitted. It stays on show. */
    public void openRun(Path dir) {
        openRun(dir, false);
    }

    /**
     * Opens a trained run; its encoder too when one was fitted.
     *
     * @param fromTrainScreen the Train screen's run (opened by itself, or with "This run's latest"): the next run
     *                        trained there replaces it (see {@link #followsTrainScreen()})
     */
    public void openRun(Path dir, boolean fromTrainScreen) {
        if (!idle()) {
            return;
        }
        start(text.get("job.open"), ctx -> {
            RunFolder folder;
            try {
                folder = AnomalyScoring.trainedRun(dir);
            } catch (AnomalyScoring.NoCheckpointException e) {
                throw new IOException(text.get("error.noCheckpoint"), e);
            }
            closeEngine();
            return openInspector(folder);
        }, opened -> {
            followsTrainScreen = fromTrainScreen;
            run.set(dir);
            rows.clear();
            skipped.clear();
            detail.set(null);
            metrics.set(null);
            baselineMetrics.set(null);
            resultWords = () -> "";
            resultSummary.set("");
            showEncoder(opened);
            say(() -> opened == null ? text.get("status.noEncoder") : text.get("status.ready"));
        });
    }

    /** Trains the encoder of the open run (G and D frozen) and writes it into the run folder. */
    public void fit() {
        Path dir = run.get();
        if (dir == null || !idle()) {
            return;
        }
        int steps = Math.max(1, fitSteps.get());
        losses.set(new float[0]);
        double chosenPercentile = percentile.get();
        ScoreMethod chosenMethod = method.get() == null ? ScoreMethod.DEFAULT : method.get();
        start(text.get("job.fit"), ctx -> {
            RunFolder folder = RunFolder.open(dir);
            closeEngine();
            float[] history = new float[steps];
            long[] lastPush = {0};
            AnomalyFit.fit(new AnomalyFit.Request(dir, steps, AnomalyFit.DEFAULT_VALIDATION, chosenPercentile,
                    cacheDir, chosenMethod), new AnomalyFit.Progress() {
                        @Override
                        public void step(int step, int total, float loss, float img, float feat) {
                            history[step - 1] = loss;
                            ctx.progress(step, total);
                            long now = System.nanoTime();
                            // the chart redraws at most 5 times a second
                            if (now - lastPush[0] > 200_000_000L || step == total) {
                                lastPush[0] = now;
                                float[] copy = Arrays.copyOf(history, step);
                                Platform.runLater(() -> losses.set(copy));
                            }
                        }
                    }, ctx::isCancelled);
            return openInspector(folder);
        }, opened -> {
            showEncoder(opened);
            applyThreshold();
            say(() -> text.get("status.fitted"));
        });
    }

    /** Scores every image of a folder (and its subfolders). */
    public void inspect(Path folder) {
        if (scoring == null || !idle()) {
            return;
        }
        Threshold t = threshold.get();
        boolean useBaseline = withBaseline.get();
        lastFolder = folder;
        start(text.get("job.inspect"), ctx -> {
            if (useBaseline) {
                scoring.loadBaseline(cacheDir, ctx::isCancelled);
            }
            List<Row> out = new ArrayList<>();
            int size = scoring.imageSize();
            FolderInspection.Summary s = scoring.score(new AnomalyScoring.Request(folder, t, useBaseline, null),
                    (item, inspection, row) -> out.add(new Row(row, item.path(),
                            thumbnail(scoring.argb(item.pixels()), size))), ctx::progress, ctx::isCancelled);
            return new Object[] {s, out};
        }, result -> {
            FolderInspection.Summary s = (FolderInspection.Summary) result[0];
            @SuppressWarnings("unchecked")
            List<Row> out = (List<Row>) result[1];
            out.sort(Comparator.comparingDouble((Row r) -> r.score().score()).reversed());
            rows.setAll(out);
            skipped.setAll(s.skipped().stream().map(f -> s.folder().relativize(f.path()) + ": "
                    + f.why().text(text.locale())).toList());
            detail.set(null);
            applyThreshold();
            say(() -> text.format("status.inspected", s.rows().size(), s.folder(), s.seconds()));
        });
    }

    /** Shows one image beside its reconstruction and map; with {@code refine}, after AnoGAN's latent search. */
    public void select(Row row, boolean refine) {
        if (row == null || scoring == null || !idle()) {
            return;
        }
        Supplier<String> before = statusWords;
        start(text.get(refine ? "job.refine" : "job.select"), ctx -> {
            int size = scoring.imageSize();
            AnomalyScoring.One one = scoring.inspect(row.file(), refine);
            Inspection i = one.inspection();
            return new Detail(row, new ArgbFrame(size, size, scoring.argb(one.pixels())),
                    new ArgbFrame(size, size, scoring.argb(i.reconstruction())), i.map(), scoring.mapScale(),
                    i.score(), refine);
        }, d -> {
            detail.set(d);
            say(before);
        });
    }

    public void refineSelected() {
        Detail d = detail.get();
        if (d != null) {
            select(d.row(), true);
        }
    }

    /** Writes the table as CSV. */
    public void exportCsv(Path file) {
        List<ScoreRow> out = rows.stream().map(Row::score).toList();
        start(text.get("job.exportCsv"), ctx -> {
            OutputCheck.requireChosen(file, OutputCheck.Kind.CSV);
            ScoreCsv.write(file, out);
            return file;
        }, f -> say(() -> text.format("status.exported", f)));
    }

    /** Writes every inspected image's heatmap over the image as a PNG into a folder. */
    public void exportMaps(Path dir) {
        if (scoring == null || !idle()) {
            return;
        }
        List<AnomalyScoring.MapItem> all = rows.stream().map(r -> new AnomalyScoring.MapItem(r.file(),
                r.score().path())).toList();
        double alpha = opacity.get();
        start(text.get("job.exportMaps"), ctx -> {
            OutputCheck.requireChosenFolder(dir);
            scoring.writeMaps(all, dir, alpha, ctx::progress, ctx::isCancelled);
            return dir;
        }, d -> say(() -> text.format("status.exported", d)));
    }

    public void cancel() {
        Task<?> t = running;
        if (t != null) {
            t.cancel();
        }
    }

    // ---- helpers

    /** Whether the run on show came from the Train screen, so that the next run trained there may replace it. */
    public boolean followsTrainScreen() {
        return followsTrainScreen;
    }

    /** Whether no job (opening, fitting, scoring) is running. */
    public boolean isIdle() {
        return idle();
    }

    private boolean idle() {
        return state.get() != State.BUSY;
    }

    private interface Body<T> {
        T call(WorkContext ctx) throws Exception;
    }

    private <T> void start(String title, Body<T> body, Consumer<T> done) {
        State before = state.get() == State.BUSY ? State.READY : state.get();
        state.set(State.BUSY);
        progress.set(-1);
        say(() -> title);
        running = tasks.job(title, body::call)
                .onSuccess(v -> {
                    state.set(run.get() == null ? State.NO_RUN : State.READY);
                    done.accept(v);
                })
                .onError(e -> {
                    state.set(run.get() == null ? State.NO_RUN : before);
                    say(() -> text.format("status.failed",
                            ErrorText.of(e, text.locale())));
                })
                .onCancelled(() -> {
                    state.set(run.get() == null ? State.NO_RUN : before);
                    say(() -> text.get("status.cancelled"));
                })
                .andFinally(() -> {
                    running = null;
                    progress.unbind();
                    progress.set(0);
                })
                .start();
        progress.bind(running.progressProperty());
    }

    private void say(Supplier<String> words) {
        statusWords = words;
        status.set(words.get());
    }

    /** Words the status and summaries again in the language now in use (the view is rebuilt on a switch). */
    public void reword() {
        status.set(statusWords.get());
        encoderSummary.set(encoderWords.get());
        resultSummary.set(resultWords.get());
    }

    private EncoderFile openInspector(RunFolder folder) throws IOException {
        try {
            scoring = AnomalyScoring.open(folder);
            return scoring.encoder();
        } catch (NoSuchFileException e) {
            return null; // no encoder yet: the screen offers to fit one
        }
    }

    private void closeEngine() {
        if (scoring != null) {
            scoring.close();
            scoring = null;
        }
    }

    private void showEncoder(EncoderFile file) {
        hasEncoder.set(file != null);
        if (file == null) {
            encoderWords = () -> text.get("encoder.none");
            encoderSummary.set(encoderWords.get());
            validationScores.set(new double[0]);
            threshold.set(null);
            return;
        }
        EncoderFile.Header h = file.header();
        losses.set(h.losses());
        if (scoring != null && method.get() != null) {
            scoring.setMethod(method.get());
        }
        validationScores.set(scoring != null ? scoring.validationScores() : h.validationScores());
        encoderWords = () -> text.format("encoder.summary", h.ganStep(), h.steps(), h.validationImages());
        encoderSummary.set(encoderWords.get());
        if (percentile.get() == h.percentile()) {
            applyThreshold();
        } else {
            percentile.set(h.percentile());
        }
    }

    /** Scores with the chosen method from now on; an inspected folder is scored again with it. */
    private void applyMethod() {
        ScoreMethod m = method.get();
        if (scoring == null || m == null || scoring.method() == m) {
            return;
        }
        if (!idle()) {
            return; // the job that runs opens or fits a model, and applies the choice when it ends
        }
        scoring.setMethod(m);
        validationScores.set(scoring.validationScores());
        applyThreshold();
        if (lastFolder != null && !rows.isEmpty()) {
            inspect(lastFolder);
        } else {
            detail.set(null);
        }
    }

    /** Recomputes the threshold from the validation scores and re-marks the rows (cheap: no engine work). */
    private void applyThreshold() {
        double[] v = validationScores.get();
        if (v.length == 0) {
            threshold.set(null);
            return;
        }
        Threshold t = Threshold.of(v, Math.max(50, Math.min(100, percentile.get())));
        threshold.set(t);
        List<Row> updated = rows.stream().map(r -> new Row(AnomalyScoring.marked(r.score(), t), r.file(),
                r.thumbnail())).toList();
        if (!updated.isEmpty()) {
            rows.setAll(updated);
        }
        List<ScoreRow> scores = updated.stream().map(Row::score).toList();
        metrics.set(AnomalyScoring.labelledMetrics(scores, t, false));
        baselineMetrics.set(AnomalyScoring.labelledMetrics(scores, t, true));
        long above = updated.stream().filter(r -> r.score().aboveThreshold()).count();
        resultWords = () -> updated.isEmpty() ? "" : text.format("result.summary", updated.size(), above);
        resultSummary.set(resultWords.get());
    }

    private static ArgbFrame thumbnail(int[] argb, int size) {
        if (size <= THUMB) {
            return new ArgbFrame(size, size, argb);
        }
        int[] out = new int[THUMB * THUMB];
        for (int y = 0; y < THUMB; y++) {
            for (int x = 0; x < THUMB; x++) {
                out[y * THUMB + x] = argb[(y * size / THUMB) * size + x * size / THUMB];
            }
        }
        return new ArgbFrame(THUMB, THUMB, out);
    }

    // ---- properties

    public ReadOnlyObjectProperty<Path> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasEncoderProperty() {
        return hasEncoder.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encoderSummaryProperty() {
        return encoderSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultSummaryProperty() {
        return resultSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> lossesProperty() {
        return losses.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<double[]> validationScoresProperty() {
        return validationScores.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Threshold> thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabelledMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabelledMetrics> baselineMetricsProperty() {
        return baselineMetrics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> skipped() {
        return skipped;
    }

    public DoubleProperty percentileProperty() {
        return percentile;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public IntegerProperty fitStepsProperty() {
        return fitSteps;
    }

    /** The score the table, the histogram, the ROC and the heatmaps show. */
    public ObjectProperty<ScoreMethod> methodProperty() {
        return method;
    }

    public BooleanProperty withBaselineProperty() {
        return withBaseline;
    }
}
