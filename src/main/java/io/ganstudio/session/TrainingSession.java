package io.ganstudio.session;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.LoadedCheckpoint;
import io.ganstudio.core.train.RunFolder;
import io.ganstudio.core.train.SampleGrid;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CancellationException;
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
    private static final Phrase DECODING = Phrase.of("session.decoding");

    private enum Command { START, PAUSE, STEP_ONCE, STOP }

    private final GanConfig requested;
    private final Path requestedDir;
    private final boolean isNewRun;
    private final Path cacheDir;
    private final Consumer<SessionEvent> listener;
    private final BlockingDeque<Command> commands = new LinkedBlockingDeque<>();
    private final Thread engineThread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile SessionState state = SessionState.NEW;
    private volatile boolean cancelPreparation;
    private volatile Path runDir;
    private volatile int qualityEvery = QualityProbe.DEFAULT_EVERY;
    // Engine thread only: the probes' total time, kept within QUALITY_BUDGET of training time.
    private double qualitySeconds;

    /** The quality probe may take at most this share of training time; a probe that would exceed it is skipped. */
    public static final double QUALITY_BUDGET = 0.05;

    private TrainingSession(GanConfig requested, Path runDir, boolean isNewRun, Path cacheDir,
                            Consumer<SessionEvent> listener) {
        this.requested = requested;
        this.requestedDir = runDir;
        this.isNewRun = isNewRun;
        this.cacheDir = cacheDir;
        this.listener = listener;
        this.engineThread = new Thread(this::runEngine, "gan-engine");
        this.engineThread.setDaemon(true);
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
        RunFolder folder = RunFolder.open(runDir);
        GanConfig config = folder.config();
        if (targetSteps > 0) {
            config = config.withTrain(config.train().withSteps(targetSteps));
        }
        config.validated();
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

    /** Measure quality every this many steps (0: never); set before {@link #start()}. */
    public void setQualityEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("quality every " + steps + " steps");
        }
        qualityEvery = steps;
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
            EngineSetup.init();
            try (NDManager root = NDManager.newBaseManager()) {
                Prepared p = prepare(root);
                if (p == null) {
                    return;
                }
                try (GanTrainer trainer = p.trainer; QualityProbe probe = p.probe) {
                    loop(p.folder, trainer, probe);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(Phrase.of("session.internalError", e), Phrase.of("session.internalError.advice"));
        } finally {
            ended.countDown();
        }
    }

    private record Prepared(RunFolder folder, GanTrainer trainer, QualityProbe probe) {
    }

    private Prepared prepare(NDManager root) throws InterruptedException {
        setState(SessionState.PREPARING);
        GanConfig config = requested;
        LoadResult data;
        try {
            int size = config.model().imageSize();
            publish(new SessionEvent.Progress(DECODING, 0));
            LoadOptions options = new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(),
                    () -> cancelPreparation);
            data = DatasetLoader.load(config.data(), size,
                    options, (done, total) -> publish(new SessionEvent.Progress(DECODING,
                            total == 0 ? -1 : (double) done / total)));
        } catch (CancellationException e) {
            setState(SessionState.FINISHED);
            publish(new SessionEvent.Finished(0, false));
            return null;
        } catch (DatasetException e) {
            fail(Phrase.verbatim(e.getMessage()), Phrase.of("session.dataFailed.advice"));
            return null;
        }
        // The data decides grayscale or colour: 1 channel only when every image is grayscale.
        ModelConfig m = config.model();
        config = config.withModel(m.withChannels(data.dataset().channels()));
        if (m.conditional()) {
            Phrase problem = classProblem(m, data.dataset());
            if (problem != null) {
                fail(problem, Phrase.of("session.conditional.advice"));
                return null;
            }
            config = config.withModel(config.model().withClasses(data.dataset().classNames()));
        }
        RunFolder folder;
        LoadedCheckpoint checkpoint = null;
        try {
            folder = isNewRun ? RunFolder.create(requestedDir, config) : RunFolder.open(requestedDir);
            if (!isNewRun && !folder.config().equals(config)) {
                folder = folder.withConfig(config); // a resume may extend the target steps
            }
            runDir = folder.dir();
            data.report().write(folder.dataReport());
            if (!isNewRun && !folder.listCheckpoints().isEmpty()) {
                checkpoint = folder.readLatestCheckpoint();
                for (String skipped : checkpoint.skippedNewer()) {
                    publish(new SessionEvent.Warning(Phrase.verbatim(skipped)));
                }
            }
        } catch (IOException e) {
            fail(Phrase.of("session.folderFailed", e.getMessage()), Phrase.of("session.folderFailed.advice"));
            return null;
        }
        if (!data.report().skipped().isEmpty()) {
            publish(new SessionEvent.Warning(Phrase.of("session.skipped", data.report().skipped().size(),
                    folder.dataReport())));
        }
        publish(new SessionEvent.Progress(Phrase.of("session.building"), -1));
        GanTrainer trainer = new GanTrainer(config.model(), config.train(), data.dataset(), root);
        try {
            if (checkpoint != null) {
                trainer.importState(checkpoint.state());
            }
            if (!isNewRun) {
                // Later rows, grids and checkpoints belong to a history the resumed run writes again.
                folder.rewindTo(trainer.stepsDone());
            }
            if (trainer.stepsDone() == 0) {
                publishGrid(folder, trainer);
            }
        } catch (IOException e) {
            trainer.close();
            fail(Phrase.of("session.readFailed", e.getMessage()), Phrase.of("session.readFailed.advice"));
            return null;
        }
        QualityProbe probe = prepareProbe(root, folder, config, data, trainer);
        publish(new SessionEvent.Progress(Phrase.verbatim(""), 1));
        setState(SessionState.PAUSED);
        return new Prepared(folder, trainer, probe);
    }

    /** The quality probe's real side (a few seconds), or null when it is off or cannot be prepared. */
    private QualityProbe prepareProbe(NDManager root, RunFolder folder, GanConfig config, LoadResult data,
                                      GanTrainer trainer) {
        QualityCsv csv = new QualityCsv(folder.dir());
        try {
            if (!isNewRun) {
                csv.truncateAfter(trainer.stepsDone());
            }
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.qualityFailed", e.getMessage())));
        }
        if (qualityEvery == 0 || data.dataset().count() < QualityProbe.MIN_IMAGES) {
            return null;
        }
        publish(new SessionEvent.Progress(Phrase.of("session.quality"), -1));
        boolean builtIn = config.data().kind() == DataSpec.Kind.BUILT_IN && data.dataset().channels() == 1;
        try {
            QualityProbe probe = QualityProbe.prepare(root, data.dataset(), builtIn, false,
                    config.model().latentSize(), config.train().gridSize(), config.train().seed());
            return probe; // its one-time preparation is not counted against the budget of the probes themselves

        } catch (IOException | RuntimeException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.qualityFailed", e.getMessage())));
            return null;
        }
    }

    private void probe(RunFolder folder, GanTrainer trainer, QualityProbe probe) {
        if (probe == null || qualityEvery == 0 || trainer.stepsDone() % qualityEvery != 0) {
            return;
        }
        if (qualitySeconds > QUALITY_BUDGET * trainer.seconds()) {
            return; // over budget (a slow probe on a fast model): skip this one
        }
        QualitySnapshot s = probe.measure(trainer.stepsDone(), trainer::sample);
        qualitySeconds += s.seconds();
        try {
            new QualityCsv(folder.dir()).append(s);
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.qualityFailed", e.getMessage())));
        }
        publish(new SessionEvent.Quality(s));
    }

    private void loop(RunFolder folder, GanTrainer trainer, QualityProbe probe) throws InterruptedException {
        long target = trainer.trainConfig().steps();
        boolean running = false;
        List<StepMetrics> pending = new ArrayList<>();
        long lastPublish = System.nanoTime();
        while (true) {
            Command c = running ? commands.poll() : commands.take();
            boolean once = false;
            if (c == Command.STOP) {
                flush(folder, pending);
                finish(folder, trainer, false);
                return;
            } else if (c == Command.PAUSE) {
                running = false;
                flush(folder, pending);
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
                flush(folder, pending);
                finish(folder, trainer, true);
                return;
            }
            StepMetrics m = trainer.step();
            Phrase divergence = m.divergence();
            if (divergence != null) {
                flush(folder, pending);
                fail(divergence, Phrase.of("diverged.advice"));
                return;
            }
            pending.add(m);
            long step = m.step();
            boolean grid = step % trainer.trainConfig().sampleEvery() == 0 || once;
            long now = System.nanoTime();
            if (once || grid || now - lastPublish > METRICS_INTERVAL_NANOS) {
                flush(folder, pending);
                lastPublish = now;
            }
            if (grid) {
                publishGrid(folder, trainer);
            }
            probe(folder, trainer, probe);
            if (step % trainer.trainConfig().checkpointEvery() == 0) {
                writeCheckpoint(folder, trainer);
            }
            if (once) {
                setState(SessionState.PAUSED);
            }
            if (step >= target) {
                flush(folder, pending);
                finish(folder, trainer, true);
                return;
            }
        }
    }

    private void flush(RunFolder folder, List<StepMetrics> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<StepMetrics> batch = List.copyOf(pending);
        pending.clear();
        try {
            folder.appendMetrics(batch);
            folder.flush();
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.metricsFailed", e.getMessage())));
        }
        publish(new SessionEvent.Metrics(batch));
    }

    /** Why this data cannot train this conditional model, or null when it can. */
    private static Phrase classProblem(ModelConfig m, io.ganstudio.core.data.ImageDataset d) {
        if (!d.hasLabels() || d.classNames().size() < 2) {
            return Phrase.of("session.conditional.noClasses");
        }
        if (!m.classes().isEmpty() && !m.classes().equals(d.classNames())) {
            return Phrase.of("session.conditional.otherClasses", String.join(", ", m.classes()),
                    String.join(", ", d.classNames()));
        }
        int unlabelled = 0;
        for (int i = 0; i < d.count(); i++) {
            unlabelled += d.label(i) < 0 ? 1 : 0;
        }
        return unlabelled > 0 ? Phrase.of("session.conditional.unlabelled", unlabelled) : null;
    }

    private void publishGrid(RunFolder folder, GanTrainer trainer) {
        SampleGrid grid = trainer.sampleGrid();
        Path file = null;
        try {
            file = folder.writeSample(trainer.stepsDone(), grid);
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.gridFailed", e.getMessage())));
        }
        publish(new SessionEvent.SampleGrid(trainer.stepsDone(), grid.width(), grid.height(), grid.argb(), file));
    }

    private boolean writeCheckpoint(RunFolder folder, GanTrainer trainer) {
        try {
            Path file = folder.writeCheckpoint(trainer.exportState());
            publish(new SessionEvent.CheckpointWritten(trainer.stepsDone(), file));
            return true;
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.checkpointFailed", e.getMessage())));
            return false;
        }
    }

    private void finish(RunFolder folder, GanTrainer trainer, boolean reachedTarget) {
        if (trainer.stepsDone() % trainer.trainConfig().sampleEvery() != 0) {
            publishGrid(folder, trainer);
        }
        writeCheckpoint(folder, trainer);
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
