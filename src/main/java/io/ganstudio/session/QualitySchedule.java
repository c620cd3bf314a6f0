package io.ganstudio.session;

import io.ganstudio.core.data.LoadResult;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualityEvaluator;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.GanTrainer;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * When a training session measures quality: the probe is prepared beside training, measured every few steps (as
 * set, or about 10 times a run) into quality.csv, and skipped while the probes' time would exceed {@link #BUDGET}
 * of training time. Engine thread only.
 */
final class QualitySchedule {

    /** The quality probe may take at most this share of training time; a probe that would exceed it is skipped. */
    static final double BUDGET = 0.05;

    private final IntSupplier every;
    private final BooleanSupplier commandWaiting;
    private final Consumer<SessionEvent> publish;
    // The probes' total time, kept within BUDGET of training time.
    private double seconds;
    // Whether the probe's preparation ended (ready, or failed with a warning).
    private boolean announced;
    private boolean failed;

    /**
     * @param every          steps between probes as the session is set now (0: off, {@link QualityProbe#AUTO})
     * @param commandWaiting whether a command waits, which ends a wait for the probe's preparation
     */
    QualitySchedule(IntSupplier every, BooleanSupplier commandWaiting, Consumer<SessionEvent> publish) {
        this.every = every;
        this.commandWaiting = commandWaiting;
        this.publish = publish;
    }

    /**
     * Starts preparing the quality probe's real side beside training (up to half a minute), or null when it is off.
     */
    BackgroundProbe start(RunFolder folder, GanConfig config, LoadResult data, GanTrainer trainer, boolean isNewRun) {
        QualityCsv csv = new QualityCsv(folder.dir());
        try {
            if (!isNewRun) {
                csv.truncateAfter(trainer.stepsDone());
            }
        } catch (IOException e) {
            publish.accept(new SessionEvent.Warning(Phrase.of("session.qualityFailed", e.getMessage())));
        }
        if (every.getAsInt() == 0 || data.dataset().count() < QualityProbe.MIN_IMAGES) {
            return null;
        }
        boolean builtIn = QualityEvaluator.builtIn(config);
        // Its one-time preparation is not counted against the budget of the probes themselves.
        return BackgroundProbe.start(manager -> QualityProbe.prepare(manager, data.dataset(), builtIn,
                QualityEvaluator.padded(config), config.model().latentSize(), config.train().gridSize(),
                config.train().seed()));
    }

    /** Steps between quality probes: as set, or for {@link QualityProbe#AUTO} about 10 in the run's length. */
    private int every(GanTrainer trainer) {
        int n = every.getAsInt();
        return n == QualityProbe.AUTO ? QualityProbe.autoEvery(trainer.trainConfig().steps()) : n;
    }

    /**
     * The prepared probe: waits for its preparation at the first probe that needs it (the step, the clock and the
     * budget stand still meanwhile; a command ends the wait and skips this probe); null when it failed or a command
     * came. The first call that finds it ready clears the "Preparing the quality measures" line.
     */
    private QualityProbe readyProbe(BackgroundProbe pending, boolean wait) throws InterruptedException {
        if (failed || !wait && !pending.isDone()) {
            return null;
        }
        try {
            QualityProbe p = pending.get(0, TimeUnit.MILLISECONDS);
            while (p == null && wait && !commandWaiting.getAsBoolean()) {
                p = pending.get(100, TimeUnit.MILLISECONDS);
            }
            if (p != null && !announced) {
                announced = true;
                publish.accept(new SessionEvent.Progress(Phrase.verbatim(""), 1));
            }
            return p;
        } catch (ExecutionException e) {
            failed = true;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            publish.accept(new SessionEvent.Progress(Phrase.verbatim(""), 1));
            publish.accept(new SessionEvent.Warning(Phrase.of("session.qualityFailed", cause.getMessage())));
            return null;
        }
    }

    /** Measures quality when this step is due for it and the budget allows; the health watch hears of it too. */
    void probe(RunFolder folder, GanTrainer trainer, BackgroundProbe pending, HealthWatch health)
            throws InterruptedException {
        if (pending == null) {
            return;
        }
        int n = every(trainer);
        boolean due = n > 0 && trainer.stepsDone() % n == 0;
        QualityProbe probe = readyProbe(pending, due);
        if (!due || probe == null) {
            return;
        }
        if (seconds > BUDGET * trainer.seconds()) {
            return; // over budget (a slow probe on a fast model): skip this one
        }
        QualitySnapshot s = probe.measure(trainer.stepsDone(), trainer::sample);
        seconds += s.seconds();
        try {
            new QualityCsv(folder.dir()).append(s);
        } catch (IOException e) {
            publish.accept(new SessionEvent.Warning(Phrase.of("session.qualityFailed", e.getMessage())));
        }
        publish.accept(new SessionEvent.Quality(s));
        health.quality(s);
    }
}
