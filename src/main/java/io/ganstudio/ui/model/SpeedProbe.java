package io.ganstudio.ui.model;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.task.WorkContext;

import java.util.List;
import java.util.Random;

/**
 * Measures real training speed for a configuration: a few steps of the real trainer on random images of the
 * right size. Must run on one thread from start to end (MXNet records autograd per thread).
 */
public final class SpeedProbe {

    /**
     * Steps run before the timing starts: the first allocates and picks kernels, and the next ones still run slower
     * while the JVM compiles the Java side of a step (in the studio they took 700-1,000 ms where later steps take
     * 450-600).
     */
    public static final int WARM_UP_STEPS = 3;

    /** Steps timed after the warm-up. */
    public static final int TIMED_STEPS = 5;

    private SpeedProbe() {
    }

    /**
     * Training images per second (images the discriminator sees as real), or NaN when cancelled. Reports its
     * progress in steps to {@code ctx}: a task without progress shows a moving bar, whose drawing took enough CPU
     * from the timed steps to make a 12-minute plan read as 20.
     */
    public static double imagesPerSecond(ModelConfig model, TrainConfig train, WorkContext ctx) {
        int steps = WARM_UP_STEPS + TIMED_STEPS;
        ctx.progress(0, steps);
        EngineSetup.init();
        ImageDataset noise = randomImages(model, train.batchSize());
        try (NDManager manager = NDManager.newBaseManager(EngineSetup.device());
             GanTrainer trainer = new GanTrainer(model, train.withSteps(steps), noise, manager)) {
            long t0 = 0;
            for (int i = 0; i < steps; i++) {
                if (ctx.isCancelled()) {
                    return Double.NaN;
                }
                if (i == WARM_UP_STEPS) {
                    t0 = System.nanoTime();
                }
                trainer.step();
                ctx.progress(i + 1, steps);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return (double) TIMED_STEPS * train.batchSize() * train.discriminatorSteps() / seconds;
        }
    }

    private static ImageDataset randomImages(ModelConfig model, int count) {
        int bytes = count * model.channels() * model.imageSize() * model.imageSize();
        byte[] pixels = new byte[bytes];
        new Random(1).nextBytes(pixels);
        return new ImageDataset(count, model.imageSize(), model.channels(), pixels, null, List.of());
    }
}
