package io.ganstudio.ui.train;

import io.ganstudio.core.health.HealthMonitor;
import io.ganstudio.core.health.HealthThresholds;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.fxutil.ArgbFrame;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Train screen's state and commands, without controls (tested without a screen). Lives on the FX thread: the
 * session's events reach it only through {@link #apply(EventPump.Batch)}, which the view calls once per frame.
 */
public final class TrainViewModel {

    /** Seconds-per-step is averaged over this many recent steps for the ETA: steady, yet follows a slowdown. */
    private static final int ETA_WINDOW = 50;

    private final Supplier<GanConfig> configToTrain;
    private final Path runsRoot;
    private final SessionFactory sessions;
    private final TrainingAlerts notifier;
    private final TrainText text;
    private final EventPump pump = new EventPump();
    private PumpDriver driver;
    private SessionFactory.Handle session;
    /** The chosen configuration when the run on screen was started or opened; a later change makes it stale. */
    private GanConfig shownFor;

    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stoppedEarly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Path> runDir = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<GanConfig> runConfig = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper targetSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper plannedSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper plannedSeconds = new ReadOnlyDoubleWrapper(Double.NaN);
    private PlanTimer planTimer;
    // The configuration whose speed was measured (model and training settings), and its images per second.
    private GanConfig timedConfig;
    private double timedSpeed = Double.NaN;
    private boolean timing;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper augmentP = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper augmentR = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper elapsedSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper etaSeconds = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    /** What {@link #activity} says, kept to say it again in another language. */
    private Phrase activityPhrase;
    private final ReadOnlyStringWrapper earlyHealth = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ArgbFrame> liveGrid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionEvent.Failed> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper metricsChanged = new ReadOnlyLongWrapper();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final ObservableList<RunFolder.Sample> samples = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final MetricsHistory metrics = new MetricsHistory();
    private final ObservableList<QualitySnapshot> quality = FXCollections.observableArrayList();
    private final ObservableList<HealthWarning> health = FXCollections.observableArrayList();

    /**
     * @param configToTrain the configuration chosen on the Model and Data screens, read when Start is pressed; it
     *                      may return null (nothing chosen) or throw {@link InvalidConfigException} (listed)
     * @param runsRoot      where new run folders are made
     */
    public TrainViewModel(Supplier<GanConfig> configToTrain, Path runsRoot, SessionFactory sessions,
                          TrainingAlerts notifier, TrainText text) {
        this.configToTrain = configToTrain;
        this.runsRoot = runsRoot;
        this.sessions = sessions;
        this.notifier = notifier;
        this.text = text;
        updateButtons();
    }

    // ---- commands

    /** Starts a new run with the chosen configuration; refuses (and lists the problems) when it is invalid. */
    public boolean start() {
        return launchNew(false);
    }

    /** One step at a time: while paused, or to begin a new run with a single step. */
    public void stepOnce() {
        if (isIdle()) {
            launchNew(true);
        } else if (state.get() == SessionState.PAUSED) {
            session.stepOnce();
        }
    }

    public void pause() {
        if (canPause.get()) {
            session.pause();
        }
    }

    public void resume() {
        if (canResume.get()) {
            setState(SessionState.RUNNING); // at once, so a second click cannot queue a second resume
            session.resume();
        }
    }

    public void stop() {
        if (canStop.get()) {
            session.stop();
        }
    }

    /**
     * Continues the run on screen (opened or finished) from its newest checkpoint with these training settings: the
     * run's own, or changed in the Continue dialog (see {@link ContinueSettings}); {@code settings.steps()} is the
     * new target.
     */
    public void continueTraining(TrainConfig settings) {
        if (!canContinue.get()) {
            return;
        }
        try {
            begin(sessions.resumeRun(runDir.get(), settings, pump), false);
            targetSteps.set(settings.steps());
            GanConfig run = runConfig.get();
            if (run != null) {
                runConfig.set(run.withTrain(settings));
            }
        } catch (IOException | RuntimeException e) {
            failure.set(new SessionEvent.Failed(Phrase.verbatim(e.getMessage()), Phrase.verbatim(text.resumeAdvice())));
        }
    }

    /** Whether a session is preparing, running or paused: quitting now would lose the steps since its checkpoint. */
    public boolean isTraining() {
        return !isIdle();
    }

    /**
     * Stops the session after its current step, and runs {@code afterSaved} (on the calling thread of the waiting
     * helper, not the FX thread) once its checkpoint is written and it has ended; {@code afterFailed} instead when the
     * session ended with a failure (its final checkpoint could not be written, say), which the screen then shows.
     * For quitting the studio.
     */
    public void stopThen(Runnable afterSaved, Runnable afterFailed) {
        SessionFactory.Handle s = session;
        if (s == null || isIdle()) {
            afterSaved.run();
            return;
        }
        pump.forgetFailure();
        s.stop();
        Thread waiter = new Thread(() -> {
            try {
                s.awaitEnd(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (pump.lastFailure() != null) {
                afterFailed.run();
            } else {
                afterSaved.run();
            }
        }, "quit-after-checkpoint");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Ends the session without a checkpoint (quit without saving); the run resumes from its last checkpoint. */
    public void abandon() {
        if (session != null && !isIdle()) {
            session.abandon();
        }
    }

    /** Where "Continue training" should aim: the run's own target, or as many steps again once it got there. */
    public long suggestedContinueTarget() {
        long target = targetSteps.get();
        return step.get() < target ? target : step.get() + Math.max(1, target);
    }

    private boolean launchNew(boolean once) {
        if (!isIdle()) {
            return false;
        }
        GanConfig config;
        try {
            config = configToTrain.get();
        } catch (InvalidConfigException e) {
            config = null; // the screens that own the settings already know what is wrong
            problems.set(e.problems());
            return false;
        }
        List<String> p = config == null ? List.of(text.noConfig()) : config.problems(text.locale());
        problems.set(p);
        if (!p.isEmpty()) {
            return false;
        }
        Path dir;
        try {
            dir = RunFolder.newRunDir(runsRoot, config.data() == null ? "run" : config.data().displayName());
        } catch (IOException e) {
            problems.set(List.of(text.cannotCreateRun(runsRoot, e.getMessage())));
            return false;
        }
        clearRun();
        shownFor = config;
        runDir.set(dir);
        runConfig.set(config);
        targetSteps.set(config.train().steps());
        updateEarlyHealth();
        begin(sessions.newRun(config, dir, pump), once);
        return true;
    }

    private void begin(SessionFactory.Handle handle, boolean once) {
        session = handle;
        failure.set(null);
        stoppedEarly.set(false);
        warnings.clear();
        health.clear(); // a session (a resume too) watches afresh
        setState(SessionState.PREPARING); // at once: the engine thread reports it a moment later
        if (once) {
            handle.stepOnce();
        } else {
            handle.start();
        }
    }

    /** Shows an existing run folder (metrics and sample history) so it can be inspected or continued. */
    public void showRun(RunSnapshot run) {
        if (!isIdle()) {
            return;
        }
        clearRun();
        session = null;
        state.set(null);
        shownFor = chosenOrNull();
        runDir.set(run.dir());
        runConfig.set(run.config());
        metrics.replaceAll(run.metrics());
        samples.setAll(run.samples());
        if (run.drawnGrid() != null) {
            liveGrid.set(new ArgbFrame(run.drawnGrid().width(), run.drawnGrid().height(), run.drawnGrid().argb()));
        }
        quality.setAll(run.quality());
        health.setAll(run.healthAtEnd());
        targetSteps.set(run.config().train().steps());
        StepMetrics last = metrics.last();
        if (last != null) {
            showProgress(last);
        }
        etaSeconds.set(Double.NaN); // nothing trains: no remaining time
        updateEarlyHealth();
        metricsChanged.set(metricsChanged.get() + 1);
        updateButtons();
    }

    private void clearRun() {
        metrics.replaceAll(List.of());
        samples.clear();
        quality.clear();
        warnings.clear();
        health.clear();
        liveGrid.set(null);
        failure.set(null);
        problems.set(List.of());
        step.set(0);
        progress.set(0);
        elapsedSeconds.set(0);
        imagesPerSecond.set(Double.NaN);
        augmentP.set(Double.NaN);
        augmentR.set(Double.NaN);
        etaSeconds.set(Double.NaN);
        stoppedEarly.set(false);
        earlyHealth.set("");
        metricsChanged.set(metricsChanged.get() + 1);
    }

    /**
     * Before the health monitor judges anything (its first window of steps), the strip says so instead of "Healthy",
     * and names an obvious imbalance while it lasts.
     */
    private void updateEarlyHealth() {
        StepMetrics last = metrics.last();
        long at = last == null ? 0 : last.step();
        if (!HealthMonitor.tooEarly(at)) {
            earlyHealth.set("");
            return;
        }
        long from = HealthThresholds.DEFAULT.window();
        GanConfig run = runConfig.get();
        int n = metrics.size();
        int window = HealthMonitor.EARLY_WINDOW;
        double[] winning = null;
        if (run != null && n >= window) {
            List<StepMetrics> recent = new ArrayList<>(window);
            for (int i = n - window; i < n; i++) {
                recent.add(metrics.get(i));
            }
            winning = HealthMonitor.earlyDWinning(recent, run.train().loss());
        }
        earlyHealth.set(winning == null ? text.format("health.early", from) : text.format("health.earlyDWinning",
                String.format(Locale.ROOT, "%.2f", winning[0]),
                String.format(Locale.ROOT, "%.2f", winning[1]), window, from));
    }

    /**
     * Words again, in the language now in use, what this model holds as text (what the session is doing, the early
     * health note): the shell rebuilds the views on a language switch and they call this.
     */
    public void reword() {
        activity.set(activityPhrase == null ? "" : activityPhrase.text(text.locale()));
        if (!earlyHealth.get().isEmpty()) {
            updateEarlyHealth();
        }
    }

    /** What the health strip says while it is too early to judge (empty once judged, or without a run). */
    public ReadOnlyStringProperty earlyHealthProperty() {
        return earlyHealth.getReadOnlyProperty();
    }

    // ---- events, on the FX thread

    /** Applies everything the session reported since the last frame. */
    public void apply(EventPump.Batch batch) {
        if (!batch.metrics().isEmpty()) {
            metrics.append(batch.metrics());
            showProgress(metrics.last());
            updateEarlyHealth();
            metricsChanged.set(metricsChanged.get() + 1);
        }
        if (!batch.savedSamples().isEmpty()) {
            long first = batch.savedSamples().get(0).step();
            samples.removeIf(s -> s.step() >= first); // a resumed run rewrites the history after its checkpoint
            samples.addAll(batch.savedSamples());
        }
        if (batch.latestGrid() != null) {
            SessionEvent.SampleGrid g = batch.latestGrid();
            liveGrid.set(new ArgbFrame(g.width(), g.height(), g.argb()));
        }
        if (batch.latestProgress() != null) {
            activityPhrase = batch.latestProgress().fraction() >= 1 ? null : batch.latestProgress().step();
            activity.set(activityPhrase == null ? "" : activityPhrase.text(text.locale()));
        }
        for (SessionEvent e : batch.others()) {
            handle(e);
        }
    }

    private void handle(SessionEvent e) {
        if (e instanceof SessionEvent.StateChanged s) {
            setState(s.state());
            if (s.state() == SessionState.FINISHED || s.state() == SessionState.FAILED) {
                etaSeconds.set(Double.NaN); // nothing trains any more: no remaining time
            }
        } else if (e instanceof SessionEvent.Quality q) {
            quality.removeIf(old -> old.step() >= q.snapshot().step()); // a resumed run measures that stretch again
            quality.add(q.snapshot());
        } else if (e instanceof SessionEvent.Health h) {
            health.removeIf(w -> w.issue() == h.warning().issue());
            if (h.warning().raised()) {
                health.add(h.warning());
            }
        } else if (e instanceof SessionEvent.Warning w) {
            warnings.add(w.text().text(text.locale()));
        } else if (e instanceof SessionEvent.Failed f) {
            failure.set(f);
            activityPhrase = null;
            activity.set("");
            notifier.error(text.failedTitle(), f.what().text(text.locale()) + "\n" + f.todo().text(text.locale()));
        } else if (e instanceof SessionEvent.Finished f) {
            activityPhrase = null;
            activity.set("");
            step.set(f.step());
            etaSeconds.set(Double.NaN);
            stoppedEarly.set(!f.reachedTarget());
            notifier.info(text.finishedTitle(), f.reachedTarget() ? text.finishedText(f.step())
                    : text.stoppedText(f.step()));
        }
    }

    private void showProgress(StepMetrics last) {
        step.set(last.step());
        elapsedSeconds.set(last.seconds());
        imagesPerSecond.set(last.imagesPerSecond());
        augmentP.set(last.augmentP());
        augmentR.set(last.augmentR());
        long target = targetSteps.get();
        progress.set(target <= 0 ? 0 : Math.min(1, (double) last.step() / target));
        if (isIdle()) {
            etaSeconds.set(Double.NaN); // the last metrics of an ended run
            return;
        }
        double perStep = metrics.secondsPerStep(ETA_WINDOW);
        etaSeconds.set(Double.isNaN(perStep) ? Double.NaN : Math.max(0, target - last.step()) * perStep);
    }

    private void setState(SessionState s) {
        state.set(s);
        updateButtons();
    }

    private boolean isIdle() {
        SessionState s = state.get();
        return session == null || s == null || s == SessionState.FINISHED || s == SessionState.FAILED;
    }

    private void updateButtons() {
        SessionState s = state.get();
        boolean idle = isIdle();
        canStart.set(idle);
        canStep.set(idle || s == SessionState.PAUSED);
        canPause.set(!idle && s == SessionState.RUNNING);
        canResume.set(!idle && s == SessionState.PAUSED);
        canStop.set(!idle && (s == SessionState.PREPARING || s == SessionState.RUNNING || s == SessionState.PAUSED
                || s == SessionState.NEW));
        canContinue.set(idle && runDir.get() != null);
    }

    // ---- read-only views for the screen

    public EventPump pump() {
        return pump;
    }

    /**
     * Applies the session's events on the FX thread about 30 times a second, whichever screen shows (so a finish or
     * failure notification appears when it happens). Made on first use, needs the JavaFX toolkit; start it once.
     */
    public PumpDriver driver() {
        if (driver == null) {
            driver = new PumpDriver(pump, this::apply);
        }
        return driver;
    }

    public TrainingAlerts notifier() {
        return notifier;
    }

    public MetricsHistory metrics() {
        return metrics;
    }

    /** Every saved sample grid of the run on screen, oldest first. */
    public ObservableList<RunFolder.Sample> samples() {
        return samples;
    }

    /** The quality probe's figures of the run on screen, oldest first (from quality.csv and the session). */
    public ObservableList<QualitySnapshot> quality() {
        return quality;
    }

    /** The health warnings raised now (or, for an opened run, still raised when it ended), oldest first. */
    public ObservableList<HealthWarning> health() {
        return health;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /**
     * What the state label says: "Training", "Paused", "Finished" when the run reached its target, "Stopped at step
     * 120" when the user stopped it before.
     */
    public String stateText() {
        SessionState s = state.get();
        if (s == SessionState.FINISHED && stoppedEarly.get()) {
            return text.format("label.state.STOPPED", step.get());
        }
        return text.get(s == null ? "label.state.none" : "label.state." + s.name());
    }

    /** True once a session ended by Stop before its target (it can be continued). */
    public ReadOnlyBooleanProperty stoppedEarlyProperty() {
        return stoppedEarly.getReadOnlyProperty();
    }

    /** Null while no session ran on this screen. */
    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepProperty() {
        return canStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    /** Why Start refused the configuration; empty when it did not. */
    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> runDirProperty() {
        return runDir.getReadOnlyProperty();
    }

    /** The configuration of the run on screen (as started, opened or last continued), or null. */
    public ReadOnlyObjectProperty<GanConfig> runConfigProperty() {
        return runConfig.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /**
     * Reads the steps the Model screen's settings would train, for "Ready: 2,000 steps planned" before the first
     * start; 0 when the settings are not valid. Call when the Train screen is shown.
     */
    public void refreshPlan() {
        GanConfig chosen = chosenOrNull();
        plannedSteps.set(chosen == null ? 0 : chosen.train().steps()); // invalid: the problems box says why at Start
        timePlan(chosen);
        if (isIdle() && runDir.get() != null && !Objects.equals(chosen, shownFor)) {
            forgetRun(); // the data or model changed since: Start trains the new choice, not the run on screen
        }
    }

    /** Sets how the planned steps are timed on this machine (none: the plan is shown in steps only). */
    public void setPlanTimer(PlanTimer timer) {
        this.planTimer = timer;
    }

    /**
     * Shows how long the chosen steps take on this machine: measured once per model and training settings (a few
     * steps in the background while nothing trains); a changed step count only recomputes.
     */
    private void timePlan(GanConfig chosen) {
        if (chosen == null || planTimer == null) {
            plannedSeconds.set(Double.NaN);
            return;
        }
        GanConfig key = speedKey(chosen);
        if (key.equals(timedConfig)) {
            plannedSeconds.set(PlanTimer.seconds(chosen, chosen.train().steps(), timedSpeed));
            return;
        }
        plannedSeconds.set(Double.NaN);
        if (timing || !isIdle() && session != null) {
            return; // one measurement at a time, and none beside training
        }
        timing = true;
        planTimer.measure(chosen, ips -> {
            timing = false;
            timedConfig = key;
            timedSpeed = ips;
            GanConfig now = chosenOrNull();
            if (now != null && speedKey(now).equals(key)) {
                plannedSeconds.set(PlanTimer.seconds(now, now.train().steps(), ips));
            } else {
                timePlan(now); // the choice changed while measuring
            }
        });
    }

    /** What the speed depends on: the model and the training settings, not the data, the length or the seed. */
    private static GanConfig speedKey(GanConfig c) {
        return new GanConfig(null, c.model(), c.train().withSteps(1));
    }

    /** Seconds the planned steps take on this machine; NaN until measured (or without a timer). */
    public ReadOnlyDoubleProperty plannedSecondsProperty() {
        return plannedSeconds.getReadOnlyProperty();
    }

    /** Clears the ended or opened run from the screen: back to "Ready: N steps planned". */
    private void forgetRun() {
        clearRun();
        session = null;
        shownFor = null;
        state.set(null);
        runDir.set(null);
        runConfig.set(null);
        targetSteps.set(0);
        updateButtons();
    }

    private GanConfig chosenOrNull() {
        try {
            return configToTrain.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** See {@link #refreshPlan()}. */
    public ReadOnlyLongProperty plannedStepsProperty() {
        return plannedSteps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty targetStepsProperty() {
        return targetSteps.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** NaN until the first step. */
    /** Probability of each augmentation in the latest step (1 for DiffAugment, adaptive for ADA); NaN when off. */
    public ReadOnlyDoubleProperty augmentPProperty() {
        return augmentP.getReadOnlyProperty();
    }

    /** ADA's overfitting measure r = E[sign(D(real))] (target 0.6); NaN without ADA. */
    public ReadOnlyDoubleProperty augmentRProperty() {
        return augmentR.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty imagesPerSecondProperty() {
        return imagesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds.getReadOnlyProperty();
    }

    /** NaN while unknown. */
    public ReadOnlyDoubleProperty etaSecondsProperty() {
        return etaSeconds.getReadOnlyProperty();
    }

    /** What the session is preparing ("Decoding images"), or empty. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArgbFrame> liveGridProperty() {
        return liveGrid.getReadOnlyProperty();
    }

    /** The failure to show in the banner, or null. */
    public ReadOnlyObjectProperty<SessionEvent.Failed> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Increments whenever {@link #metrics()} changed, so charts redraw once per frame at most. */
    public ReadOnlyLongProperty metricsChangedProperty() {
        return metricsChanged.getReadOnlyProperty();
    }

    /** EMA smoothing of the loss curves, 0 to 0.99. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public void dismissFailure() {
        failure.set(null);
    }
}
