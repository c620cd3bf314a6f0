package io.ganstudio.session;

import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.StepMetrics;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link TrainingSession} publishes, as plain immutable Java data: no NDArray ever leaves the engine thread.
 * Texts are {@link Phrase}s, so the studio says them in its language and the command line in English.
 * Listeners are called on the engine thread and must return quickly (hand the event to another thread).
 */
public sealed interface SessionEvent {

    /** The session moved to another state. */
    record StateChanged(SessionState state) implements SessionEvent {
    }

    /** Progress of a long preparation (decoding the dataset, building the models); fraction in [0, 1] or -1. */
    record Progress(Phrase step, double fraction) implements SessionEvent {

        /** The step in English, for the command line. */
        public String task() {
            return step.english();
        }
    }

    /** Metrics of one or more steps, oldest first. */
    record Metrics(List<StepMetrics> steps) implements SessionEvent {
    }

    /** The fixed-noise sample grid after a step; argb is width*height opaque pixels; file is where it was saved. */
    record SampleGrid(long step, int width, int height, int[] argb, Path file) implements SessionEvent {
    }

    /** The quality probe measured the generator at a step (see QualityProbe); also appended to quality.csv. */
    record Quality(QualitySnapshot snapshot) implements SessionEvent {
    }

    /**
     * A health warning was raised or cleared (D overfitting, mode collapse, memorisation, one network overpowering
     * the other; see HealthMonitor); also appended to health.csv. Training goes on either way.
     */
    record Health(HealthWarning warning) implements SessionEvent {
    }

    /** A checkpoint was written (atomically) at this step. */
    record CheckpointWritten(long step, Path file) implements SessionEvent {
    }

    /** Something the user should know that does not stop training (skipped files, a slow step...). */
    record Warning(Phrase text) implements SessionEvent {

        public String message() {
            return text.english();
        }
    }

    /** Training stopped because of a problem: what happened, and what to try. */
    record Failed(Phrase what, Phrase todo) implements SessionEvent {

        public String message() {
            return what.english();
        }

        public String advice() {
            return todo.english();
        }
    }

    /** Training ended normally (reached its steps, or stopped by the user) at this step. */
    record Finished(long step, boolean reachedTarget) implements SessionEvent {
    }
}
