package io.ganstudio.session;

import io.ganstudio.core.engine.EngineSetup;
import ai.djl.ndarray.NDManager;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.core.run.ResumeCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.StepPause;
import io.ganstudio.core.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One training run. Owns the single engine thread that creates and drives the trainer (MXNet's autograd is per
 * thread), takes commands from any thread, and publishes {@link SessionEvent}s on the engine thread.
 *
 * <p>Commands are queued and applied between steps, so a step is never interrupted half-way; stop always ends with
 * a checkpoint unless training failed, in which case the last good checkpoint stays.
 */
public final class TrainingSession implements AutoCloseable {

    private static final long METRICS_INTERVAL_NANOS = 100_000_000L;
    /** How long one wait for the user lasts before the loop looks at its commands again. */
    private static final long GATE_SLICE_NANOS = 50_000_000L;
    /** A step of the largest model takes seconds, a checkpoint write a few more: this is a generous bound. */
    private static final long SHUTDOWN_WAIT_MINUTES = 5;

    private enum Command { START, PAUSE, STEP_ONCE, STOP }

    private final GanConfig requested;
    private final Path requestedDir;
    private final boolean isNewRun;
    private final Path cacheDir;
    private final Consumer<SessionEvent> listener;
    private final BlockingDeque<Command> commands = new LinkedBlockingDeque<>();
    /**
     * Waits between a step's halves while the user works a slider; a queued command (pause, stop) ends the wait,
     * so that it is obeyed after the half step.
     */
    private final StepPause userFirst = new StepPause() {
        @Override
        public boolean nearby() {
            return InteractionGate.shared().nearby();
        }

        @Override
        public void await() {
            try {
                while (!InteractionGate.shared().awaitQuiet(GATE_SLICE_NANOS) && commands.isEmpty()) {
                    // the user is still dragging
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the loop sees it at its next wait
            }
        }
    };
    private final Thread engineThread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile SessionState state = SessionState.NEW;
    private volatile boolean cancelPreparation;
    private volatile Path runDir;
    private volatile boolean discard;
    private final Thread onShutdown;
    private volatile int qualityEvery = QualityProbe.AUTO;
    private volatile long gridNanos;
    private final RunRecorder recorder = new RunRecorder(this::publish, this::fail);
    // Engine thread only: when quality is measured.
    private final QualitySchedule quality = new QualitySchedule(() -> qualityEvery, () -> !commands.isEmpty(),
            this::publish);
    // Engine thread only: the health warnings' monitor, made when training starts.
    private HealthWatch health;

    /** The quality probe may take at most this share of training time; a probe that would exceed it is skipped. */
    public static final double QUALITY_BUDGET = QualitySchedule.BUDGET;

    private TrainingSession(GanConfig requested, Path runDir, boolean isNewRun, Path cacheDir,
                            Consumer<SessionEvent> listener) {
        this.requested = requested;
        this.requestedDir = runDir;
        this.isNewRun = isNewRun;
        this.cacheDir = cacheDir;
        this.listener = listener;
        this.engineThread = new Thread(this::runEngine, "gan-engine");
        this.engineThread.setDaemon(true);
        this.onShutdown = new Thread(this::stopForShutdown, "gan-stop-on-exit");
    }

    /**
     * When the JVM shuts down while this session trains (Ctrl-C, SIGTERM from a logout, the studio's window closing
     * down the app), stop after the current step and write the checkpoint before the JVM exits.
     */
    private void stopForShutdown() {
        stop();
        try {
            ended.await(SHUTDOWN_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A new run in {@code runDir} (created). Refuses an invalid configuration before anything starts.
     *
     * @param cacheDir where decoded datasets are cached, or null for none
     */
    public static TrainingSession newRun(GanConfig config, Path runDir, Path cacheDir,
                                         Consumer<SessionEvent> listener) {
        config.validated();
        return new TrainingSession(config, runDir, true, cacheDir, listener);
    }

    /**
     * Continues a run folder from its newest valid checkpoint, up to {@code targetSteps} (0: the run's own target).
     */
    public static TrainingSession resumeRun(Path runDir, long targetSteps, Path cacheDir,
                                            Consumer<SessionEvent> listener) throws IOException {
        TrainConfig train = RunFolder.open(runDir).config().train();
        return resumeRun(runDir, targetSteps > 0 ? train.withSteps(targetSteps) : train, cacheDir, listener);
    }

    /**
     * Continues a run folder from its newest valid checkpoint with these training settings: learning rates, betas,
     * loss, label smoothing, D steps, batch size and the intervals may differ from the run's (weights and optimizer
     * moments carry over, and config.json records each change with its step). Only reads the folder here.
     *
     * @throws InvalidConfigException listing every setting that is invalid or may not change on a resume, and why
     */
    public static TrainingSession resumeRun(Path runDir, TrainConfig train, Path cacheDir,
                                            Consumer<SessionEvent> listener) throws IOException {
        GanConfig saved = RunFolder.open(runDir).config();
        GanConfig config = saved.withTrain(train);
        config.validated();
        List<Phrase> refused = ResumeCheck.refused(saved, config);
        if (!refused.isEmpty()) {
            throw new InvalidConfigException(Phrase.texts(refused, Locale.ENGLISH));
        }
        return new TrainingSession(config, runDir, false, cacheDir, listener);
    }

    /** Prepares (data, models) and trains until the target, a pause or a stop. */
    public void start() {
        command(Command.START);
    }

    /** Stops stepping after the current step; the models stay in memory. */
    public void pause() {
        command(Command.PAUSE);
    }

    /** Continues after {@link #pause()}. */
    public void resume() {
        command(Command.START);
    }

    /** While paused (or before starting), runs exactly one step and publishes its metrics and sample grid. */
    public void stepOnce() {
        command(Command.STEP_ONCE);
    }

    /** Ends the run after the current step, writing a checkpoint. Also cancels a dataset still decoding. */
    public void stop() {
        cancelPreparation = true;
        command(Command.STOP);
    }

    /**
     * Ends the run after the current step without a checkpoint: the steps since the last checkpoint are dropped
     * (what "quit without saving" asks for). The run folder stays valid; the last checkpoint is where it resumes.
     */
    public void abandon() {
        discard = true;
        stop();
    }

    /**
     * Measure quality every this many steps (0: never; {@link QualityProbe#AUTO}, the default: about 10 times in the
     * run's length, see {@link QualityProbe#autoEvery(long)}); set before {@link #start()}.
     */
    public void setQualityEvery(int steps) {
        if (steps < 0 && steps != QualityProbe.AUTO) {
            throw new IllegalArgumentException("quality every " + steps + " steps");
        }
        qualityEvery = steps;
    }

    /**
     * Also draws the sample grid whenever this many seconds of training passed since the last one (0, the default:
     * only every sampleEvery steps), so a slow model shows its progress within seconds. Drawing a grid only runs the
     * generator on the fixed noise: training's random stream and weights stay as they are. Set before start.
     */
    public void setGridSeconds(double seconds) {
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw new IllegalArgumentException("grid every " + seconds + " seconds");
        }
        gridNanos = (long) (seconds * 1e9);
    }

    public SessionState state() {
        return state;
    }

    /** The run folder, known once the session has prepared it. */
    public Path runDir() {
        return runDir;
    }

    public GanConfig requestedConfig() {
        return requested;
    }

    /** Waits until the engine thread has ended (finished, stopped or failed). */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    private synchronized void command(Command c) {
        if (state == SessionState.NEW && !engineThread.isAlive()) {
            try {
                Runtime.getRuntime().addShutdownHook(onShutdown);
            } catch (IllegalStateException e) {
                return; // the JVM is already shutting down: start nothing
            }
            engineThread.start();
        }
        commands.add(c);
    }

    @Override
    public void close() throws InterruptedException {
        if (engineThread.isAlive()) {
            stop();
            ended.await();
        }
    }

    // ---- engine thread ---------------------------------------------------------------------------------------

    private void runEngine() {
        try {
            Command first = commands.take();
            if (first == Command.STOP) {
                setState(SessionState.FINISHED);
                publish(new SessionEvent.Finished(0, false));
                return;
            }
            commands.addFirst(first);
            Autograd.beginEngineThread();
            try (NDManager root = NDManager.newBaseManager(EngineSetup.device())) {
                Prepared p = prepare(root);
                if (p == null) {
                    return;
                }
                try (RunFolder lockHolder = p.folder; GanTrainer trainer = p.trainer; BackgroundProbe probe = p.probe) {
                    loop(p.folder, trainer, probe);
                } catch (IOException e) {
                    // Releasing the trainer lock failed: the operating system releases it when the process ends.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(Phrase.of("session.internalError", e), Phrase.of("session.internalError.advice"));
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException e) {
                // The JVM is shutting down and the hook is running: it sees the end through the latch.
            }
        }
    }

    private record Prepared(RunFolder folder, GanTrainer trainer, BackgroundProbe probe) {
    }

    private Prepared prepare(NDManager root) {
        setState(SessionState.PREPARING);
        RunPreparation.Ready ready = new RunPreparation(requested, requestedDir, isNewRun, cacheDir,
                () -> cancelPreparation, new RunPreparation.Events() {
                    public void publish(SessionEvent e) {
                        TrainingSession.this.publish(e);
                    }

                    public void fail(Phrase message, Phrase advice) {
                        TrainingSession.this.fail(message, advice);
                    }

                    public void cancelled() {
                        setState(SessionState.FINISHED);
                        TrainingSession.this.publish(new SessionEvent.Finished(0, false));
                    }

                    public void folderReady(Path dir) {
                        runDir = dir;
                    }

                    public void resumedFrom(Path checkpoint) {
                        recorder.resumedFrom(checkpoint);
                    }
                }).prepare(root);
        if (ready == null) {
            return null;
        }
        RunFolder folder = ready.folder();
        GanTrainer trainer = ready.trainer();
        if (trainer.stepsDone() == 0) {
            recorder.publishGrid(folder, trainer);
        }
        BackgroundProbe probe = quality.start(folder, ready.config(), ready.data(), trainer, isNewRun);
        publish(new SessionEvent.Progress(Phrase.verbatim(""), 1));
        if (probe != null) {
            publish(new SessionEvent.Progress(Phrase.of("session.quality"), -1)); // while training starts beside it
        }
        setState(SessionState.PAUSED);
        return new Prepared(folder, trainer, probe);
    }

    private void loop(RunFolder folder, GanTrainer trainer, BackgroundProbe probe) throws InterruptedException {
        long target = trainer.trainConfig().steps();
        boolean running = false;
        List<StepMetrics> pending = new ArrayList<>();
        long lastPublish = System.nanoTime();
        health = new HealthWatch(folder.dir(), trainer.trainConfig().loss(), trainer.stepsDone(), this::publish);
        while (true) {
            Command c = running ? commands.poll() : commands.take();
            boolean once = false;
            if (c == Command.STOP) {
                finish(folder, trainer, false, pending);
                return;
            } else if (c == Command.PAUSE) {
                running = false;
                recorder.flush(folder, pending);
                setState(SessionState.PAUSED);
                continue;
            } else if (c == Command.START) {
                running = true;
                setState(SessionState.RUNNING);
            } else if (c == Command.STEP_ONCE) {
                running = false;
                once = true;
            }
            if (trainer.stepsDone() >= target) {
                finish(folder, trainer, true, pending);
                return;
            }
            if (running && !once && !InteractionGate.shared().awaitQuiet(GATE_SLICE_NANOS)) {
                continue; // the user is dragging a slider: look at the commands again, then wait on
            }
            trainer.setStepPause(once ? null : userFirst);
            StepMetrics m = trainer.step();
            Phrase divergence = m.divergence();
            if (divergence != null) {
                recorder.flush(folder, pending);
                fail(divergence, recorder.divergenceAdvice());
                return;
            }
            pending.add(m);
            health.step(m);
            long step = m.step();
            long now = System.nanoTime();
            long every = gridNanos;
            boolean grid = step % trainer.trainConfig().sampleEvery() == 0 || once
                    || every > 0 && (recorder.lastGridStep() < 0 || now - recorder.lastGridAt() >= every);
            if (once || grid || now - lastPublish > METRICS_INTERVAL_NANOS) {
                recorder.flush(folder, pending);
                lastPublish = now;
            }
            if (grid) {
                recorder.publishGrid(folder, trainer);
            }
            quality.probe(folder, trainer, probe, health);
            if (step % trainer.trainConfig().checkpointEvery() == 0 && step < target
                    && !recorder.writeCheckpoint(folder, trainer, pending, false)) {
                return; // the weights are no longer finite: failed
            }
            if (once) {
                setState(SessionState.PAUSED);
            }
            if (step >= target) {
                finish(folder, trainer, true, pending);
                return;
            }
        }
    }

    private void finish(RunFolder folder, GanTrainer trainer, boolean reachedTarget, List<StepMetrics> pending) {
        recorder.flush(folder, pending);
        if (trainer.stepsDone() % trainer.trainConfig().sampleEvery() != 0
                && recorder.lastGridStep() != trainer.stepsDone()) {
            recorder.publishGrid(folder, trainer);
        }
        if (!discard && !recorder.writeCheckpoint(folder, trainer, pending, true)) {
            return;
        }
        setState(SessionState.FINISHED);
        publish(new SessionEvent.Finished(trainer.stepsDone(), reachedTarget));
    }

    private void fail(Phrase message, Phrase advice) {
        setState(SessionState.FAILED);
        publish(new SessionEvent.Failed(message, advice));
    }

    private void setState(SessionState s) {
        state = s;
        publish(new SessionEvent.StateChanged(s));
    }

    private void publish(SessionEvent e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            // A listener's bug must not kill training.
            System.err.println("session listener failed on " + e.getClass().getSimpleName() + ": " + ex);
        }
    }
}
