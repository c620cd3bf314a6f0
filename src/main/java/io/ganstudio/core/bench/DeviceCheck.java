package io.ganstudio.core.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.core.train.TrainerState;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * A check of a device that this build cannot see itself (a GPU): trains the 28x28 grayscale DCGAN (batch 64) for a
 * few hundred steps on the engine's current device, checks that the discriminator's loss fell, and generates the
 * same fixed-noise images from the trained weights on that device and on the CPU, which must agree within
 * {@link #MAX_MEAN_DIFFERENCE} (mean absolute difference on the generator's [-1, 1] scale), as checkpoints must
 * across engines. On the CPU it checks the check itself: the two generations are then the same computation.
 */
public final class DeviceCheck {

    /** Allowed mean absolute difference between the device's images and the CPU's. */
    public static final double MAX_MEAN_DIFFERENCE = 1e-3;

    /** Steps averaged at the start and at the end of the run to tell whether the loss fell. */
    static final int WINDOW = 20;

    /**
     * @param device            where it trained
     * @param imagesPerSecond   real images per second over the timed steps (all but the first {@link #WINDOW})
     * @param dLossFirst        the discriminator's mean loss over the first {@link #WINDOW} steps
     * @param dLossLast         the same over the last {@link #WINDOW} steps
     * @param meanDifference    mean |device - CPU| over the fixed-noise images
     * @param maxDifference     the largest such difference
     */
    public record Result(String device, int steps, double imagesPerSecond, double dLossFirst, double dLossLast,
                         double meanDifference, double maxDifference) {

        public boolean lossFell() {
            return dLossLast < dLossFirst;
        }

        public boolean imagesAgree() {
            return meanDifference <= MAX_MEAN_DIFFERENCE;
        }

        public boolean passed() {
            return lossFell() && imagesAgree();
        }
    }

    private DeviceCheck() {
    }

    /** The model the check trains: the built-in data's 28x28 grayscale DCGAN. */
    public static ModelConfig model() {
        return new ModelConfig(28, 1, 100, 64, 64, Normalization.BATCH_NORM);
    }

    /**
     * @param data  28x28 grayscale images (the built-in set)
     * @param steps at least {@code 2 * WINDOW + 1}
     */
    public static Result run(ImageDataset data, int steps, Consumer<String> progress) {
        if (steps <= 2 * WINDOW) {
            throw new IllegalArgumentException("the check needs more than " + 2 * WINDOW + " steps, not " + steps);
        }
        Device device = EngineSetup.device();
        TrainConfig train = TrainConfig.defaults().withBatchSize(64).withSteps(steps);
        double firstSum = 0;
        double lastSum = 0;
        long timedStart = 0;
        TrainerState state;
        float[] onDevice;
        try (NDManager root = NDManager.newBaseManager(device);
             GanTrainer trainer = new GanTrainer(model(), train, data, root)) {
            for (int s = 1; s <= steps; s++) {
                if (s == WINDOW + 1) {
                    timedStart = System.nanoTime();
                }
                StepMetrics m = trainer.step();
                if (!m.isFinite()) {
                    throw new IllegalStateException("step " + s + " on " + device + " gave a loss that is not a "
                            + "number (D " + m.dLoss() + ", G " + m.gLoss() + ")");
                }
                if (s <= WINDOW) {
                    firstSum += m.dLoss();
                }
                if (s > steps - WINDOW) {
                    lastSum += m.dLoss();
                }
                if (s % 50 == 0) {
                    progress.accept(String.format(Locale.ROOT, "step %d of %d: D loss %.3f, G loss %.3f",
                            s, steps, m.dLoss(), m.gLoss()));
                }
            }
            double seconds = (System.nanoTime() - timedStart) / 1e9;
            double imagesPerSecond = (steps - WINDOW) * (double) train.batchSize() / seconds;
            onDevice = trainer.sampleFixedNoise();
            state = trainer.exportState();
            try (NDManager cpuRoot = NDManager.newBaseManager(Device.cpu());
                 GanTrainer onCpu = new GanTrainer(model(), train, data, cpuRoot)) {
                onCpu.importState(state);
                float[] cpu = onCpu.sampleFixedNoise();
                double sum = 0;
                double max = 0;
                for (int i = 0; i < cpu.length; i++) {
                    double d = Math.abs(cpu[i] - onDevice[i]);
                    sum += d;
                    max = Math.max(max, d);
                }
                return new Result(device.toString(), steps, imagesPerSecond, firstSum / WINDOW, lastSum / WINDOW,
                        sum / cpu.length, max);
            }
        }
    }
}
