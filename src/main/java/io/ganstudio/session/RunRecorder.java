package io.ganstudio.session;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.NonFiniteStateException;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What training leaves in its run folder, each also told to the session's listeners: metrics rows, sample grids and
 * checkpoints. Remembers the newest grid and the last good checkpoint, which a divergence's advice names. A picture
 * or a row that cannot be written is a warning; a checkpoint whose weights are no longer finite fails the run.
 * Engine thread only, except {@link #lastGoodCheckpoint()}.
 */
final class RunRecorder {

    private final Consumer<SessionEvent> publish;
    private final BiConsumer<Phrase, Phrase> fail;
    private volatile Path lastGoodCheckpoint;
    private long lastGridStep = -1;
    private long lastGridAt;

    /** @param fail the session's failure: a message and what to try */
    RunRecorder(Consumer<SessionEvent> publish, BiConsumer<Phrase, Phrase> fail) {
        this.publish = publish;
        this.fail = fail;
    }

    /** The checkpoint a resume continues from: the last good one until training writes another. */
    void resumedFrom(Path checkpoint) {
        lastGoodCheckpoint = checkpoint;
    }

    Path lastGoodCheckpoint() {
        return lastGoodCheckpoint;
    }

    /** The step of the newest grid published, or -1 before the first. */
    long lastGridStep() {
        return lastGridStep;
    }

    /** When the newest grid was published ({@link System#nanoTime()}). */
    long lastGridAt() {
        return lastGridAt;
    }

    void flush(RunFolder folder, List<StepMetrics> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<StepMetrics> batch = List.copyOf(pending);
        pending.clear();
        try {
            folder.appendMetrics(batch);
            folder.flush();
        } catch (IOException e) {
            publish.accept(new SessionEvent.Warning(Phrase.of("session.metricsFailed", FileErrors.text(e))));
        }
        publish.accept(new SessionEvent.Metrics(batch));
    }

    void publishGrid(RunFolder folder, GanTrainer trainer) {
        SampleGrid grid = trainer.sampleGrid();
        lastGridStep = trainer.stepsDone();
        lastGridAt = System.nanoTime();
        Path file = null;
        try {
            file = folder.writeSample(trainer.stepsDone(), grid);
        } catch (IOException e) {
            publish.accept(new SessionEvent.Warning(Phrase.of("session.gridFailed", FileErrors.text(e))));
        } catch (RuntimeException e) {
            // A picture must never cost the checkpoint written after it (the final one on Ctrl-C, say).
            publish.accept(new SessionEvent.Warning(Phrase.of("session.gridFailed", e)));
        }
        publish.accept(new SessionEvent.SampleGrid(trainer.stepsDone(), grid.width(), grid.height(), grid.argb(),
                file));
    }

    /**
     * Writes a checkpoint unless the state is no longer finite; then training has diverged (the weights went bad
     * before a loss showed it), the session fails naming the last good checkpoint, and this returns false.
     * A checkpoint that cannot be written for another reason (disk full) is a warning while training goes on; the
     * final one (at the target, on stop) fails the session, since the steps since the last checkpoint are lost.
     */
    boolean writeCheckpoint(RunFolder folder, GanTrainer trainer, List<StepMetrics> pending,
                                    boolean last) {
        try {
            Path file = folder.writeCheckpoint(trainer.exportState());
            lastGoodCheckpoint = file;
            publish.accept(new SessionEvent.CheckpointWritten(trainer.stepsDone(), file));
            return true;
        } catch (NonFiniteStateException e) {
            flush(folder, pending);
            fail.accept(Phrase.of("diverged.weights", e.step(), e.array()), divergenceAdvice());
            return false;
        } catch (IOException e) {
            if (last) {
                Path kept = lastGoodCheckpoint;
                fail.accept(Phrase.of("session.finalCheckpointFailed", trainer.stepsDone(), FileErrors.text(e)),
                        kept == null ? Phrase.of("session.finalCheckpointFailed.none")
                                : Phrase.of("session.finalCheckpointFailed.advice", kept.toAbsolutePath(),
                                Checkpoints.stepOf(kept)));
                return false;
            }
            publish.accept(new SessionEvent.Warning(Phrase.of("session.checkpointFailed", FileErrors.text(e))));
            return true;
        }
    }

    /** What to try after a divergence, naming the checkpoint to continue from. */
    Phrase divergenceAdvice() {
        Path last = lastGoodCheckpoint;
        return last == null ? Phrase.of("diverged.advice.none")
                : Phrase.of("diverged.advice", last.toAbsolutePath(), Checkpoints.stepOf(last));
    }
}
