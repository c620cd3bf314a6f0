package io.ganstudio.ui.model;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;

import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Measures real training speed for a configuration: a few steps of the real trainer on random images of the
 * right size. Must run on one thread from start to end (MXNet records autograd per thread).
 */
public final class SpeedProbe {

    /** Steps timed after one warm-up step (the first step allocates and picks kernels). */
    public static final int TIMED_STEPS = 3;

    private SpeedProbe() {
    }

    /** Training images per second (images the discriminator sees as real), or NaN when cancelled. */
    public static double imagesPerSecond(ModelConfig model, TrainConfig train, BooleanSupplier cancelled) {
        EngineSetup.init();
        ImageDataset noise = randomImages(model, train.batchSize());
        try (NDManager manager = NDManager.newBaseManager(EngineSetup.device());
             GanTrainer trainer = new GanTrainer(model, train.withSteps(TIMED_STEPS + 1), noise, manager)) {
            trainer.step();
            long t0 = System.nanoTime();
            for (int i = 0; i < TIMED_STEPS; i++) {
                if (cancelled.getAsBoolean()) {
                    return Double.NaN;
                }
                trainer.step();
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
