package io.ganstudio.core.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How to train: loss, optimizers, batch, schedule and the seed that makes a run reproducible.
 *
 * @param steps           generator steps to train in total (a resumed run continues up to this)
 * @param sampleEvery     save and publish the fixed-noise sample grid every this many steps
 * @param checkpointEvery write a checkpoint every this many steps (and always on stop)
 * @param keepCheckpoints how many of the newest checkpoints to keep on disk
 * @param gridSize        images in the sample grid (a square number looks best)
 */
public record TrainConfig(LossKind loss, float labelSmoothing, AdamSettings generatorOptimizer,
                          AdamSettings discriminatorOptimizer, int discriminatorSteps, int batchSize, long seed,
                          long steps, int sampleEvery, int checkpointEvery, int keepCheckpoints, int gridSize) {

    public static TrainConfig defaults() {
        return new TrainConfig(LossKind.BCE, 0f, AdamSettings.DCGAN, AdamSettings.DCGAN, 1, 64, 1L, 2000, 50, 500, 3,
                64);
    }

    /** Adam's learning rate and betas. */
    public record AdamSettings(float learningRate, float beta1, float beta2) {
        public static final AdamSettings DCGAN = new AdamSettings(2e-4f, 0.5f, 0.999f);
    }

    public TrainConfig withSteps(long newSteps) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, seed, newSteps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, newSeed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize);
    }

    public TrainConfig withBatchSize(int newBatch) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                newBatch, seed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize);
    }

    /** Problems a person can act on; empty when the configuration is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (loss == null) {
            p.add("loss must be bce, lsgan or hinge");
        }
        if (labelSmoothing < 0f || labelSmoothing >= 0.5f) {
            p.add("label smoothing must be from 0 (off) up to below 0.5, not " + labelSmoothing);
        } else if (labelSmoothing > 0f && loss == LossKind.HINGE) {
            p.add("label smoothing works with the bce and lsgan losses, not hinge: set it to 0 or change the loss");
        }
        checkAdam("generator", generatorOptimizer, p);
        checkAdam("discriminator", discriminatorOptimizer, p);
        if (discriminatorSteps < 1 || discriminatorSteps > 10) {
            p.add("discriminator steps per generator step must be between 1 and 10, not " + discriminatorSteps);
        }
        if (batchSize < 2 || batchSize > 1024) {
            p.add("batch size must be between 2 and 1024 (batch norm needs at least 2), not " + batchSize);
        }
        if (steps < 1) {
            p.add("steps must be at least 1, not " + steps);
        }
        if (sampleEvery < 1) {
            p.add("sample interval must be at least 1 step, not " + sampleEvery);
        }
        if (checkpointEvery < 1) {
            p.add("checkpoint interval must be at least 1 step, not " + checkpointEvery);
        }
        if (keepCheckpoints < 1) {
            p.add("keep at least 1 checkpoint, not " + keepCheckpoints);
        }
        if (gridSize < 1 || gridSize > 256) {
            p.add("sample grid must hold between 1 and 256 images, not " + gridSize);
        }
        return p;
    }

    private static void checkAdam(String who, AdamSettings a, List<String> p) {
        if (a == null) {
            p.add(who + " optimizer settings are missing");
            return;
        }
        if (!(a.learningRate() > 0f && a.learningRate() <= 1f)) {
            p.add(who + " learning rate must be above 0 and at most 1, not " + a.learningRate());
        }
        if (!(a.beta1() >= 0f && a.beta1() < 1f)) {
            p.add(who + " beta1 must be from 0 up to below 1, not " + a.beta1());
        }
        if (!(a.beta2() >= 0f && a.beta2() < 1f)) {
            p.add(who + " beta2 must be from 0 up to below 1, not " + a.beta2());
        }
    }
}
