package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Drawing;
import io.ganstudio.core.playground.Loss;
import io.ganstudio.core.playground.PlaygroundConfig;
import io.ganstudio.core.playground.PlaygroundFrame;
import io.ganstudio.core.playground.PlaygroundGan;
import io.ganstudio.core.playground.PlaygroundRunner;
import io.ganstudio.core.playground.PointsCsv;
import io.ganstudio.core.playground.Side;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.ui.common.ErrorText;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Playground screen's state and actions, without controls (tested without a screen). Training runs on the
 * worker handed in (the studio's one background-work helper), one job at a time; frames come back through
 * {@code fx} (Platform::runLater in the studio), at most one pending at a time, newest wins. The FX thread never
 * waits: it only sets flags and queues jobs.
 */
public final class PlaygroundViewModel {

    /** Steps per second offered while playing; 0 = as fast as the computer allows. */
    public static final List<Integer> SPEEDS = List.of(10, 30, 100, 300, 1000, 0);
    /** Chart rows kept; older rows are thinned (every other one dropped) beyond this. */
    static final int MAX_ROWS = 1200;
    private static final PlaygroundConfig D = PlaygroundConfig.defaults();

    /** One row of the charts. */
    public record ChartRow(long step, double dLoss, double gLoss, double kl, double js) {
    }

    private final SerialWorker worker;
    private final Consumer<Runnable> fx;
    private final Supplier<Locale> locale;

    // Settings: a change starts the run again from step 0 (the same settings and seed give the same run).
    private final ObjectProperty<DataSource> source = new SimpleObjectProperty<>(this, "source", DataSource.RING);
    private final IntegerProperty gLayers = new SimpleIntegerProperty(this, "gLayers", D.gLayers());
    private final IntegerProperty gNeurons = new SimpleIntegerProperty(this, "gNeurons", D.gNeurons());
    private final IntegerProperty dLayers = new SimpleIntegerProperty(this, "dLayers", D.dLayers());
    private final IntegerProperty dNeurons = new SimpleIntegerProperty(this, "dNeurons", D.dNeurons());
    private final IntegerProperty noiseDim = new SimpleIntegerProperty(this, "noiseDim", D.noiseDim());
    private final ObjectProperty<PlaygroundConfig.Noise> noise =
            new SimpleObjectProperty<>(this, "noise", D.noise());
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss", D.loss());
    private final ObjectProperty<PlaygroundConfig.Optimizer> dOptimizer =
            new SimpleObjectProperty<>(this, "dOptimizer", D.dOptimizer());
    private final ObjectProperty<PlaygroundConfig.Optimizer> gOptimizer =
            new SimpleObjectProperty<>(this, "gOptimizer", D.gOptimizer());
    private final DoubleProperty dLearningRate = new SimpleDoubleProperty(this, "dLearningRate", D.dLearningRate());
    private final DoubleProperty gLearningRate = new SimpleDoubleProperty(this, "gLearningRate", D.gLearningRate());
    private final IntegerProperty dSteps = new SimpleIntegerProperty(this, "dSteps", D.dSteps());
    private final IntegerProperty gSteps = new SimpleIntegerProperty(this, "gSteps", D.gSteps());
    private final LongProperty seed = new SimpleLongProperty(this, "seed", D.seed());
    private final DoubleProperty penalty = new SimpleDoubleProperty(this, "penalty", D.penalty());
    // Live settings: take effect at once.
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 100);
    private final BooleanProperty slowMotion = new SimpleBooleanProperty(this, "slowMotion", false);
    private final BooleanProperty showReal = new SimpleBooleanProperty(this, "showReal", true);
    private final BooleanProperty showFake = new SimpleBooleanProperty(this, "showFake", true);
    private final BooleanProperty showHeatmap = new SimpleBooleanProperty(this, "showHeatmap", true);
    private final BooleanProperty showArrows = new SimpleBooleanProperty(this, "showArrows", true);
    private final BooleanProperty showManifold = new SimpleBooleanProperty(this, "showManifold", true);
    // What the screen shows.
    private final ReadOnlyObjectWrapper<PlaygroundFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyLongWrapper chartRevision = new ReadOnlyLongWrapper(this, "chartRevision");
    private final ReadOnlyLongWrapper drawingRevision = new ReadOnlyLongWrapper(this, "drawingRevision");
    private final List<ChartRow> rows = new ArrayList<>();

    // Worker side.
    private final AtomicReference<Tagged> latest = new AtomicReference<>();
    /** The generation (see {@link #reset()}) whose networks the runner has now; set on the worker thread. */
    private volatile long runnerGeneration;

    /** A frame and the generation of the networks that drew it: a frame from before a reset is not shown. */
    private record Tagged(PlaygroundFrame frame, long generation) {
    }
    private final AtomicBoolean framePosted = new AtomicBoolean();
    private final PlaygroundRunner runner;
    // FX side.
    private final Drawing drawing = new Drawing();
    private double[] csvPoints;
    private Path csvFile;
    private final AtomicLong generation = new AtomicLong();
    private boolean suppressReset;

    /**
     * @param worker runs jobs off the FX thread (the studio passes its one background-work helper)
     * @param fx     runs a little work on the FX thread later (Platform::runLater; tests run it at once)
     */
    public PlaygroundViewModel(Executor worker, Consumer<Runnable> fx, Supplier<Locale> locale) {
        this.worker = new SerialWorker(worker);
        this.fx = fx;
        this.locale = locale;
        this.runner = new PlaygroundRunner(null, speed.get(), this::offer);
        speed.addListener((o, a, v) -> runner.setStepsPerSecond(v.intValue()));
        slowMotion.addListener((o, a, v) -> runner.setSlowMotion(v));
        Observable[] settings = {source, gLayers, gNeurons, dLayers, dNeurons, noiseDim, noise, loss, dOptimizer,
                gOptimizer, dLearningRate, gLearningRate, dSteps, gSteps, seed, penalty};
        for (Observable s : settings) {
            s.addListener(o -> {
                if (!suppressReset) {
                    reset();
                }
            });
        }
        reset();
    }

    // ---- actions (FX thread) ----

    /** Trains until paused, at the chosen speed (or sub-step by sub-step in slow motion). */
    public void play() {
        if (busy.get() || !ready.get()) {
            return;
        }
        busy.set(true);
        long gen = generation.get();
        job(() -> {
            if (gen == generation.get()) { // a reset queued in between cancels a play that has not begun
                runner.play();
            }
        });
    }

    /** Stops after the current step or sub-step; the run stays where it is. */
    public void pause() {
        runner.pause();
    }

    /** Back to step 0 with the current settings and seed: new networks, the same real points. */
    public void reset() {
        runner.pause();
        DataSource src = source.get(); // read every setting each time, so each later change is noticed again
        long gen = generation.incrementAndGet();
        rows.clear();
        chartRevision.set(chartRevision.get() + 1);
        explanation.set("");
        PlaygroundConfig config = config();
        List<Phrase> problems = config.problems();
        if (!problems.isEmpty()) {
            ready.set(false);
            message.set(String.join("\n", Phrase.texts(problems, locale.get())));
            return;
        }
        Supplier<double[]> real = realPoints(config.seed());
        if (real == null) {
            ready.set(false);
            latest.set(null);
            frame.set(null);
            step.set(0);
            message.set(src == DataSource.DRAWING ? text("message.draw") : text("message.importCsv"));
            return;
        }
        message.set("");
        ready.set(true);
        worker.execute(() -> {
            if (gen == generation.get()) {
                runnerGeneration = gen;
                runner.replace(new PlaygroundGan(config, real.get()));
            }
        });
    }

    public void oneDiscriminatorUpdate() {
        manual(() -> runner.oneUpdate(Side.DISCRIMINATOR));
    }

    public void oneGeneratorUpdate() {
        manual(() -> runner.oneUpdate(Side.GENERATOR));
    }

    public void oneStep() {
        manual(runner::oneStep);
    }

    private void manual(Runnable action) {
        if (busy.get() || !ready.get()) {
            return;
        }
        busy.set(true);
        job(action);
    }

    /** Runs a training job; busy ends when it does. */
    private void job(Runnable action) {
        worker.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                fx.accept(() -> message.set(ErrorText.of(e, locale.get())));
            } finally {
                fx.accept(() -> busy.set(false));
            }
        });
    }

    /** Draw-your-own: a new stroke at (x, y) in the unit square (y up). Switches the data to the drawing. */
    public void beginStroke(double x, double y) {
        runner.pause();
        drawing.begin(clamp(x), clamp(y));
        drawingRevision.set(drawingRevision.get() + 1);
    }

    public void extendStroke(double x, double y) {
        drawing.extend(clamp(x), clamp(y));
        drawingRevision.set(drawingRevision.get() + 1);
    }

    /** The stroke is done: the real points are sampled along all strokes and the run starts again. */
    public void endStroke() {
        if (source.get() != DataSource.DRAWING) {
            source.set(DataSource.DRAWING); // resets
        } else {
            reset();
        }
    }

    public void clearDrawing() {
        drawing.clear();
        drawingRevision.set(drawingRevision.get() + 1);
        if (source.get() == DataSource.DRAWING) {
            reset();
        }
    }

    /** The strokes drawn so far (x0, y0, x1, y1, ... each), for the canvas. */
    public List<double[]> strokes() {
        return drawing.strokes();
    }

    /** Reads a CSV of points off the FX thread; on success the data switches to it, else the message says why. */
    public void importCsv(Path file) {
        worker.execute(() -> {
            try {
                double[] points = PointsCsv.read(file);
                fx.accept(() -> {
                    csvPoints = points;
                    csvFile = file;
                    if (source.get() == DataSource.CSV) {
                        reset();
                    } else {
                        source.set(DataSource.CSV);
                    }
                    message.set(format("message.imported", points.length / 2, file.getFileName()));
                });
            } catch (PointsCsv.BadCsvException e) {
                fx.accept(() -> message.set(e.phrase().text(locale.get())));
            }
        });
    }

    /** Shortens slow motion's pause on each sub-step (tests). */
    void setSlowPauseMs(long ms) {
        runner.setPauseMs(ms);
    }

    /** The settings as one config. */
    public PlaygroundConfig config() {
        return new PlaygroundConfig(gLayers.get(), gNeurons.get(), dLayers.get(), dNeurons.get(), noiseDim.get(),
                noise.get(), loss.get(), dOptimizer.get(), dLearningRate.get(), gOptimizer.get(),
                gLearningRate.get(), dSteps.get(), gSteps.get(), seed.get(), penalty.get());
    }

    /** Puts every setting back to its default (one reset, not one per setting). */
    public void restoreDefaults() {
        apply(PlaygroundConfig.defaults());
    }

    /**
     * The settings that show mode collapse ({@link PlaygroundConfig#modeCollapse()}) on the two Gaussians, in one
     * reset.
     */
    public void showModeCollapse() {
        suppressReset = true;
        try {
            source.set(DataSource.GAUSSIANS);
        } finally {
            suppressReset = false;
        }
        apply(PlaygroundConfig.modeCollapse());
    }

    private void apply(PlaygroundConfig d) {
        suppressReset = true;
        try {
            gLayers.set(d.gLayers());
            gNeurons.set(d.gNeurons());
            dLayers.set(d.dLayers());
            dNeurons.set(d.dNeurons());
            noiseDim.set(d.noiseDim());
            noise.set(d.noise());
            loss.set(d.loss());
            dOptimizer.set(d.dOptimizer());
            gOptimizer.set(d.gOptimizer());
            dLearningRate.set(d.dLearningRate());
            gLearningRate.set(d.gLearningRate());
            dSteps.set(d.dSteps());
            gSteps.set(d.gSteps());
            penalty.set(d.penalty());
        } finally {
            suppressReset = false;
        }
        reset();
    }

    private Supplier<double[]> realPoints(long s) {
        DataSource src = source.get();
        if (src.preset() != null) {
            return () -> PlaygroundGan.realPoints(src.preset(), s);
        }
        if (src == DataSource.DRAWING) {
            if (drawing.isEmpty()) {
                return null;
            }
            double[] sampled = PlaygroundGan.realPoints(drawing, s); // small: sampled here, on the FX thread
            return () -> sampled;
        }
        double[] points = csvPoints;
        return points == null ? null : () -> points;
    }

    // ---- frames (worker thread -> FX thread) ----

    /** Worker thread: keeps the newest frame and asks the FX thread to show it, unless a request is pending. */
    private void offer(PlaygroundFrame f) {
        latest.set(new Tagged(f, runnerGeneration));
        if (framePosted.compareAndSet(false, true)) {
            fx.accept(this::showLatest);
        }
    }

    private void showLatest() {
        framePosted.set(false);
        Tagged t = latest.get();
        // Both the reset that moves the generation on and this run on the FX thread: no stale frame gets through.
        if (t == null || t.generation() != generation.get() || t.frame() == frame.get()) {
            return;
        }
        PlaygroundFrame f = t.frame();
        frame.set(f);
        step.set(f.step());
        explanation.set(f.phase() == null ? "" : explain(f));
        ChartRow row = new ChartRow(f.step(), f.dLoss(), f.gLoss(), f.kl(), f.js());
        if (!rows.isEmpty() && rows.get(rows.size() - 1).step() >= f.step()) {
            rows.set(rows.size() - 1, row); // the same step again (one update by hand, a slow-motion sub-step)
        } else {
            rows.add(row);
        }
        if (rows.size() > MAX_ROWS) {
            for (int i = rows.size() - 2; i > 0; i -= 2) {
                rows.remove(i);
            }
        }
        chartRevision.set(chartRevision.get() + 1);
    }

    /** "3. Loss: ..." for the sub-step a slow-motion frame shows, in the user's language. */
    String explain(PlaygroundFrame f) {
        String who = f.side() == Side.DISCRIMINATOR ? "d" : "g";
        String key = "explain." + who + "." + f.phase().name().toLowerCase(Locale.ROOT);
        double lr = f.side() == Side.DISCRIMINATOR ? dLearningRate.get() : gLearningRate.get();
        String body = format(key, String.format(locale.get(), "%.3f", f.updateLoss()), PlaygroundConfig.rate(lr));
        return format("explain.numbered", f.phase().number(), text("explain.title." + who), body);
    }

    private String text(String key) {
        return new PlaygroundText(locale).get(key);
    }

    private String format(String key, Object... args) {
        return new PlaygroundText(locale).format(key, args);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    // ---- properties ----

    public ObjectProperty<DataSource> sourceProperty() {
        return source;
    }

    public IntegerProperty gLayersProperty() {
        return gLayers;
    }

    public IntegerProperty gNeuronsProperty() {
        return gNeurons;
    }

    public IntegerProperty dLayersProperty() {
        return dLayers;
    }

    public IntegerProperty dNeuronsProperty() {
        return dNeurons;
    }

    public IntegerProperty noiseDimProperty() {
        return noiseDim;
    }

    public ObjectProperty<PlaygroundConfig.Noise> noiseProperty() {
        return noise;
    }

    public ObjectProperty<Loss> lossProperty() {
        return loss;
    }

    public ObjectProperty<PlaygroundConfig.Optimizer> dOptimizerProperty() {
        return dOptimizer;
    }

    public ObjectProperty<PlaygroundConfig.Optimizer> gOptimizerProperty() {
        return gOptimizer;
    }

    public DoubleProperty dLearningRateProperty() {
        return dLearningRate;
    }

    public DoubleProperty gLearningRateProperty() {
        return gLearningRate;
    }

    public IntegerProperty dStepsProperty() {
        return dSteps;
    }

    public IntegerProperty gStepsProperty() {
        return gSteps;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The weight of the penalty on D's steepness at the real points; 0 turns it off. */
    public DoubleProperty penaltyProperty() {
        return penalty;
    }

    public IntegerProperty speedProperty() {
        return speed;
    }

    public BooleanProperty slowMotionProperty() {
        return slowMotion;
    }

    public BooleanProperty showRealProperty() {
        return showReal;
    }

    public BooleanProperty showFakeProperty() {
        return showFake;
    }

    public BooleanProperty showHeatmapProperty() {
        return showHeatmap;
    }

    public BooleanProperty showArrowsProperty() {
        return showArrows;
    }

    public BooleanProperty showManifoldProperty() {
        return showManifold;
    }

    /** The newest frame, or null when there is nothing to train yet (an empty drawing, no CSV). */
    public ReadOnlyObjectProperty<PlaygroundFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** True while a job trains (playing, or a step or update under way). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when there are real points and valid settings to train on. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** In slow motion, the numbered explanation of the sub-step on display; otherwise empty. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** What went wrong or what to do next (bad CSV, draw something first); empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Changes whenever the chart rows change. */
    public ReadOnlyLongProperty chartRevisionProperty() {
        return chartRevision.getReadOnlyProperty();
    }

    /** Changes whenever the drawing changes. */
    public ReadOnlyLongProperty drawingRevisionProperty() {
        return drawingRevision.getReadOnlyProperty();
    }

    /** The chart rows so far (a copy). */
    public List<ChartRow> rows() {
        return List.copyOf(rows);
    }

    /** The imported CSV file, or null. */
    public Path csvFile() {
        return csvFile;
    }
}
