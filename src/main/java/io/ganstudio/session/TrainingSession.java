package io.ganstudio.session;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualityEvaluator;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.NonFiniteStateException;
import io.ganstudio.core.run.ResumeCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.run.RunLock;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.run.SettingsChange;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.StepPause;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.core.train.TrainerState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** How long one wait for the user lasts before the loop looks at its commands again. */
    private static final long GATE_SLICE_NANOS = 50_000_000L;
    /** A step of the largest model takes seconds, a checkpoint write a few more: this is a generous bound. */
    private static final long SHUTDOWN_WAIT_MINUTES = 5;
    private static final Phrase DECODING = Phrase.of("session.decoding");

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
    private volatile Path lastGoodCheckpoint;
    private volatile boolean discard;
    private final Thread onShutdown;
    private volatile int qualityEvery = QualityProbe.AUTO;
    private volatile long gridNanos;
    // Engine thread only: the step of the newest grid published, and when.
    private long lastGridStep = -1;
    private long lastGridAt;
    // Engine thread only: the probes' total time, kept within QUALITY_BUDGET of training time.
    private double qualitySeconds;
    // Engine thread only: the health warnings' monitor, made when training starts.
    private HealthWatch health;

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
            EngineSetup.init();
            try (NDManager root = NDManager.newBaseManager()) {
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

    private Prepared prepare(NDManager root) throws InterruptedException {
        setState(SessionState.PREPARING);
        GanConfig config = requested;
        // A resume reads first and writes nothing until the data is known to fit the checkpoint.
        LoadedCheckpoint checkpoint = null;
        List<SettingsChange> earlier = List.of();
        if (!isNewRun) {
            try {
                RunFolder saved = RunFolder.open(requestedDir);
                earlier = saved.changes();
                if (!saved.listCheckpoints().isEmpty()) {
                    checkpoint = saved.readLatestCheckpoint();
                    // The checkpoint's own configuration made its weights: the model and data come from it.
                    GanConfig own = checkpoint.config();
                    config = new GanConfig(own.data(), own.model(), requested.train());
                    List<Phrase> refused = ResumeCheck.refused(own, config);
                    if (!refused.isEmpty()) {
                        fail(refused.get(0), Phrase.of("resume.unchanged"));
                        return null;
                    }
                }
            } catch (IOException e) {
                fail(Phrase.of("session.readFailed", FileErrors.text(e)), Phrase.of("session.readFailed.advice"));
                return null;
            }
        }
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
        ModelConfig m = config.model();
        int channels = data.dataset().channels();
        if (checkpoint != null && channels != m.channels()) {
            fail(Phrase.of("resume.dataChanged", checkpoint.step(), m.channels(), channels,
                    data.dataset().count()), Phrase.of("resume.dataChanged.advice"));
            return null;
        }
        // The data decides grayscale or colour: 1 channel only when every image is grayscale.
        config = config.withModel(m.withChannels(data.dataset().channels()));
        if (m.conditional()) {
            Phrase problem = classProblem(m, data.dataset());
            if (problem != null) {
                fail(problem, Phrase.of(problem.key().equals("session.conditional.oneClass")
                        ? "session.conditional.oneClass.advice" : "session.conditional.advice"));
                return null;
            }
            Phrase empty = emptyClasses(data.dataset());
            if (empty != null) {
                publish(new SessionEvent.Warning(empty));
            }
            config = config.withModel(config.model().withClasses(data.dataset().classNames()));
        }
        RunFolder folder;
        long resumeStep = checkpoint == null ? 0 : checkpoint.step();
        try {
            folder = isNewRun ? RunFolder.create(requestedDir, config) : RunFolder.openForTraining(requestedDir);
        } catch (RunLock.RunLockedException e) {
            fail(Phrase.of("session.locked", requestedDir.toAbsolutePath()), Phrase.of("session.locked.advice"));
            return null;
        } catch (IOException e) {
            fail(Phrase.of("session.folderFailed", FileErrors.text(e)), Phrase.of("session.folderFailed.advice"));
            return null;
        }
        // A resume checks everything it will rely on before it writes a byte: the metrics it will truncate and the
        // checkpoint's fit to the model. A refusal leaves the run folder as it was.
        if (!isNewRun) {
            try {
                folder.readMetrics();
            } catch (IOException e) {
                closeQuietly(folder);
                fail(Phrase.of("session.readFailed", FileErrors.text(e)), Phrase.of("resume.unchangedFolder.advice"));
                return null;
            }
        }
        publish(new SessionEvent.Progress(Phrase.of("session.building"), -1));
        GanTrainer trainer = new GanTrainer(config.model(), config.train(), data.dataset(), root);
        if (checkpoint != null) {
            try {
                trainer.importState(withBatchSize(checkpoint, config.train().batchSize()));
            } catch (IllegalArgumentException e) {
                trainer.close();
                closeQuietly(folder);
                fail(Phrase.of("resume.modelMismatch", checkpoint.file().getFileName(), e.getMessage()),
                        Phrase.of("resume.unchangedFolder.advice"));
                return null;
            }
        }
        List<String> setAside = List.of();
        try {
            if (!isNewRun) {
                List<SettingsChange> changes = new ArrayList<>();
                for (SettingsChange c : earlier) {
                    if (c.step() < resumeStep) {
                        changes.add(c); // later ones belong to a history this resume replaces
                    }
                }
                if (checkpoint != null) {
                    changes.addAll(ResumeCheck.changes(checkpoint.config().train(), config.train(), resumeStep));
                }
                if (!folder.config().equals(config) || !changes.equals(folder.changes())) {
                    folder = folder.withConfig(config, changes);
                }
            }
            runDir = folder.dir();
            folder.writeDataReport(data.report().text());
            if (!isNewRun) {
                // Later rows, grids and checkpoints belong to a history the resumed run writes again; the step is
                // the one read from inside the checkpoint resumed from.
                setAside = folder.rewindTo(trainer.stepsDone());
            }
        } catch (IOException e) {
            trainer.close();
            closeQuietly(folder);
            fail(Phrase.of("session.folderFailed", FileErrors.text(e)), Phrase.of("session.folderFailed.advice"));
            return null;
        }
        if (checkpoint != null) {
            lastGoodCheckpoint = checkpoint.file();
            for (String skipped : checkpoint.skippedNewer()) {
                if (setAside.stream().noneMatch(line -> line.startsWith(skipped))) {
                    publish(new SessionEvent.Warning(Phrase.verbatim(skipped)));
                }
            }
        }
        for (String moved : setAside) {
            publish(new SessionEvent.Warning(Phrase.verbatim(moved)));
        }
        if (!data.report().skipped().isEmpty()) {
            publish(new SessionEvent.Warning(Phrase.of("session.skipped", data.report().skipped().size(),
                    folder.dataReport())));
        }
        if (trainer.stepsDone() == 0) {
            publishGrid(folder, trainer);
        }
        BackgroundProbe probe = prepareProbe(folder, config, data, trainer);
        publish(new SessionEvent.Progress(Phrase.verbatim(""), 1));
        if (probe != null) {
            publish(new SessionEvent.Progress(Phrase.of("session.quality"), -1)); // while training starts beside it
        }
        setState(SessionState.PAUSED);
        return new Prepared(folder, trainer, probe);
    }

    /**
     * The checkpoint's state for another batch size: the data position counts batches, so it is converted through the
     * number of real images seen (the same images continue, to within one batch).
     */
    private static TrainerState withBatchSize(LoadedCheckpoint c, int batchSize) {
        TrainerState s = c.state();
        int before = c.config().train().batchSize();
        if (before == batchSize) {
            return s;
        }
        long batches = s.discriminatorBatches() * before / batchSize;
        return new TrainerState(s.step(), batches, s.seconds(), s.noise(), s.generatorOptimizerStep(),
                s.discriminatorOptimizerStep(), s.weights(), s.generatorOptimizer(), s.discriminatorOptimizer());
    }

    private static void closeQuietly(RunFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            // The operating system releases the lock when the process ends.
        }
    }

    /**
     * Starts preparing the quality probe's real side beside training (up to half a minute), or null when it is off.
     */
    private BackgroundProbe prepareProbe(RunFolder folder, GanConfig config, LoadResult data, GanTrainer trainer) {
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
        boolean builtIn = QualityEvaluator.builtIn(config);
        // Its one-time preparation is not counted against the budget of the probes themselves.
        return BackgroundProbe.start(manager -> QualityProbe.prepare(manager, data.dataset(), builtIn,
                QualityEvaluator.padded(config), config.model().latentSize(), config.train().gridSize(),
                config.train().seed()));
    }

    /** Steps between quality probes: as set, or for {@link QualityProbe#AUTO} about 10 in the run's length. */
    private int qualityEvery(GanTrainer trainer) {
        int every = qualityEvery;
        return every == QualityProbe.AUTO ? QualityProbe.autoEvery(trainer.trainConfig().steps()) : every;
    }

    /**
     * The prepared probe: waits for its preparation at the first probe that needs it (the step, the clock and the
     * budget stand still meanwhile; a command ends the wait and skips this probe); null when it failed or a command
     * came. The first call that finds it ready clears the "Preparing the quality measures" line.
     */
    private QualityProbe readyProbe(BackgroundProbe pending, boolean wait) throws InterruptedException {
        if (probeFailed || !wait && !pending.isDone()) {
            return null;
        }
        try {
            QualityProbe p = pending.get(0, TimeUnit.MILLISECONDS);
            while (p == null && wait && commands.isEmpty()) {
                p = pending.get(100, TimeUnit.MILLISECONDS);
            }
            if (p != null && !probeAnnounced) {
                probeAnnounced = true;
                publish(new SessionEvent.Progress(Phrase.verbatim(""), 1));
            }
            return p;
        } catch (java.util.concurrent.ExecutionException e) {
            probeFailed = true;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            publish(new SessionEvent.Progress(Phrase.verbatim(""), 1));
            publish(new SessionEvent.Warning(Phrase.of("session.qualityFailed", cause.getMessage())));
            return null;
        }
    }

    // Engine thread only: whether the probe's preparation ended (ready, or failed with a warning).
    private boolean probeAnnounced;
    private boolean probeFailed;

    private void probe(RunFolder folder, GanTrainer trainer, BackgroundProbe pending) throws InterruptedException {
        if (pending == null) {
            return;
        }
        int every = qualityEvery(trainer);
        boolean due = every > 0 && trainer.stepsDone() % every == 0;
        QualityProbe probe = readyProbe(pending, due);
        if (!due || probe == null) {
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
        health.quality(s);
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
                flush(folder, pending);
                fail(divergence, divergenceAdvice());
                return;
            }
            pending.add(m);
            health.step(m);
            long step = m.step();
            long now = System.nanoTime();
            long every = gridNanos;
            boolean grid = step % trainer.trainConfig().sampleEvery() == 0 || once
                    || every > 0 && (lastGridStep < 0 || now - lastGridAt >= every);
            if (once || grid || now - lastPublish > METRICS_INTERVAL_NANOS) {
                flush(folder, pending);
                lastPublish = now;
            }
            if (grid) {
                publishGrid(folder, trainer);
            }
            probe(folder, trainer, probe);
            if (step % trainer.trainConfig().checkpointEvery() == 0 && step < target
                    && !writeCheckpoint(folder, trainer, pending, false)) {
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
            publish(new SessionEvent.Warning(Phrase.of("session.metricsFailed", FileErrors.text(e))));
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
        if (unlabelled > 0) {
            return Phrase.of("session.conditional.unlabelled", unlabelled);
        }
        int[] perClass = imagesPerClass(d);
        int holding = 0;
        int holder = 0;
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] > 0) {
                holding++;
                holder = c;
            }
        }
        // An IDX labels file makes the classes 0 to its highest label, so all images can sit in one of them.
        return holding < 2 ? Phrase.of("session.conditional.oneClass", perClass.length, holding,
                d.classNames().get(holder), perClass[holder]) : null;
    }

    /**
     * The warning for classes without images among two or more with images (IDX labels 3 and 8 make classes 0 to 8):
     * training works, and the model keeps a place for each empty class that no image trains. Null when none is empty.
     */
    private static Phrase emptyClasses(io.ganstudio.core.data.ImageDataset d) {
        int[] perClass = imagesPerClass(d);
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] == 0) {
                empty.add(d.classNames().get(c));
            }
        }
        String shown = String.join(", ", empty.subList(0, Math.min(empty.size(), 12)))
                + (empty.size() > 12 ? ", ..." : "");
        return empty.isEmpty() ? null : Phrase.of("session.conditional.emptyClasses", empty.size(), perClass.length,
                shown);
    }

    private static int[] imagesPerClass(io.ganstudio.core.data.ImageDataset d) {
        int[] perClass = new int[d.classNames().size()];
        for (int i = 0; i < d.count(); i++) {
            int label = d.label(i);
            if (label >= 0 && label < perClass.length) {
                perClass[label]++;
            }
        }
        return perClass;
    }

    private void publishGrid(RunFolder folder, GanTrainer trainer) {
        SampleGrid grid = trainer.sampleGrid();
        lastGridStep = trainer.stepsDone();
        lastGridAt = System.nanoTime();
        Path file = null;
        try {
            file = folder.writeSample(trainer.stepsDone(), grid);
        } catch (IOException e) {
            publish(new SessionEvent.Warning(Phrase.of("session.gridFailed", FileErrors.text(e))));
        } catch (RuntimeException e) {
            // A picture must never cost the checkpoint written after it (the final one on Ctrl-C, say).
            publish(new SessionEvent.Warning(Phrase.of("session.gridFailed", e)));
        }
        publish(new SessionEvent.SampleGrid(trainer.stepsDone(), grid.width(), grid.height(), grid.argb(), file));
    }

    /**
     * Writes a checkpoint unless the state is no longer finite; then training has diverged (the weights went bad
     * before a loss showed it), the session fails naming the last good checkpoint, and this returns false.
     * A checkpoint that cannot be written for another reason (disk full) is a warning while training goes on; the
     * final one (at the target, on stop) fails the session, since the steps since the last checkpoint are lost.
     */
    private boolean writeCheckpoint(RunFolder folder, GanTrainer trainer, List<StepMetrics> pending,
                                    boolean last) {
        try {
            Path file = folder.writeCheckpoint(trainer.exportState());
            lastGoodCheckpoint = file;
            publish(new SessionEvent.CheckpointWritten(trainer.stepsDone(), file));
            return true;
        } catch (NonFiniteStateException e) {
            flush(folder, pending);
            fail(Phrase.of("diverged.weights", e.step(), e.array()), divergenceAdvice());
            return false;
        } catch (IOException e) {
            if (last) {
                Path kept = lastGoodCheckpoint;
                fail(Phrase.of("session.finalCheckpointFailed", trainer.stepsDone(), FileErrors.text(e)),
                        kept == null ? Phrase.of("session.finalCheckpointFailed.none")
                                : Phrase.of("session.finalCheckpointFailed.advice", kept.toAbsolutePath(),
                                Checkpoints.stepOf(kept)));
                return false;
            }
            publish(new SessionEvent.Warning(Phrase.of("session.checkpointFailed", FileErrors.text(e))));
            return true;
        }
    }

    /** What to try after a divergence, naming the checkpoint to continue from. */
    private Phrase divergenceAdvice() {
        Path last = lastGoodCheckpoint;
        return last == null ? Phrase.of("diverged.advice.none")
                : Phrase.of("diverged.advice", last.toAbsolutePath(), Checkpoints.stepOf(last));
    }

    private void finish(RunFolder folder, GanTrainer trainer, boolean reachedTarget, List<StepMetrics> pending) {
        flush(folder, pending);
        if (trainer.stepsDone() % trainer.trainConfig().sampleEvery() != 0 && lastGridStep != trainer.stepsDone()) {
            publishGrid(folder, trainer);
        }
        if (!discard && !writeCheckpoint(folder, trainer, pending, true)) {
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
