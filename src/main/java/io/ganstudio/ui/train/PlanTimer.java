package io.ganstudio.ui.train;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.ui.model.SpeedProbe;
import io.ganstudio.ui.task.BackgroundTasks;

import java.util.function.DoubleConsumer;

/**
 * Measures how fast the chosen model trains on this machine (a few real steps on random images, as the Model screen's
 * speed measurement does), so the Train screen can say how long the planned steps take before Start.
 */
@FunctionalInterface
public interface PlanTimer {

    /**
     * Measures the training speed of this configuration and hands the images per second (as seen by the
     * discriminator; NaN when it could not be measured) to {@code done} on the FX thread.
     */
    void measure(GanConfig config, DoubleConsumer done);

    /** The real measurement, in the background. */
    static PlanTimer inBackground(String title) {
        return (config, done) -> BackgroundTasks.common()
                .job(title, ctx -> SpeedProbe.imagesPerSecond(config.model(), config.train(), ctx))
                .onSuccess(done::accept).onError(e -> done.accept(Double.NaN)).start();
    }

    /** Seconds that {@code steps} steps take at this speed; NaN when the speed is unknown. */
    static double seconds(GanConfig config, long steps, double imagesPerSecond) {
        if (!(imagesPerSecond > 0)) {
            return Double.NaN;
        }
        return steps * (double) config.train().batchSize() * config.train().discriminatorSteps() / imagesPerSecond;
    }
}
