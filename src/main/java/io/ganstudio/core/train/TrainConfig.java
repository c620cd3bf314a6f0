package io.ganstudio.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ganstudio.core.text.Phrase;

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

    /** Problems a person can act on, in English; empty when the configuration is valid. */
    public List<String> problems() {
        return problems(Locale.ENGLISH);
    }

    /** Problems a person can act on, in the given language (English or Japanese). */
    public List<String> problems(Locale locale) {
        return Phrase.texts(problemList(), locale);
    }

    public List<Phrase> problemList() {
        List<Phrase> p = new ArrayList<>();
        if (loss == null) {
            p.add(Phrase.of("train.loss"));
        }
        if (!(labelSmoothing >= 0f && labelSmoothing < 0.5f)) { // written so that NaN fails too
            p.add(Phrase.of("train.labelSmoothing", labelSmoothing));
        } else if (labelSmoothing > 0f && loss == LossKind.HINGE) {
            p.add(Phrase.of("train.labelSmoothingHinge"));
        }
        checkAdam("generator", generatorOptimizer, p);
        checkAdam("discriminator", discriminatorOptimizer, p);
        if (discriminatorSteps < 1 || discriminatorSteps > 10) {
            p.add(Phrase.of("train.discriminatorSteps", discriminatorSteps));
        }
        if (batchSize < 2 || batchSize > 1024) {
            p.add(Phrase.of("train.batchSize", batchSize));
        }
        if (steps < 1) {
            p.add(Phrase.of("train.steps", steps));
        }
        if (sampleEvery < 1) {
            p.add(Phrase.of("train.sampleEvery", sampleEvery));
        }
        if (checkpointEvery < 1) {
            p.add(Phrase.of("train.checkpointEvery", checkpointEvery));
        }
        if (keepCheckpoints < 1) {
            p.add(Phrase.of("train.keepCheckpoints", keepCheckpoints));
        }
        if (gridSize < 1 || gridSize > 256) {
            p.add(Phrase.of("train.gridSize", gridSize));
        }
        return p;
    }

    /** @param who "generator" or "discriminator": part of the message keys */
    private static void checkAdam(String who, AdamSettings a, List<Phrase> p) {
        if (a == null) {
            p.add(Phrase.of("train." + who + ".adamMissing"));
            return;
        }
        if (!(a.learningRate() > 0f && a.learningRate() <= 1f)) {
            p.add(Phrase.of("train." + who + ".learningRate", a.learningRate()));
        }
        if (!(a.beta1() >= 0f && a.beta1() < 1f)) {
            p.add(Phrase.of("train." + who + ".beta1", a.beta1()));
        }
        if (!(a.beta2() >= 0f && a.beta2() < 1f)) {
            p.add(Phrase.of("train." + who + ".beta2", a.beta2()));
        }
    }
}
