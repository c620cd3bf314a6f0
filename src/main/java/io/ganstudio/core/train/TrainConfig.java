package io.ganstudio.core.train;

import io.ganstudio.core.text.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to train: loss, optimizers, batch, schedule and the seed that makes a run reproducible.
 *
 * @param steps           generator steps to train in total (a resumed run continues up to this)
 * @param sampleEvery     save and publish the fixed-noise sample grid every this many steps
 * @param checkpointEvery write a checkpoint every this many steps (and always on stop)
 * @param keepCheckpoints how many of the newest checkpoints to keep on disk
 * @param gridSize        images in the sample grid (a square number looks best)
 * @param emaDecay        decay of the generator's weight average that samples come from; 0 for none (older
 *                        config.json files, which have no such average)
 * @param augment         augmentation of the images the discriminator sees (older config.json files: off)
 */
public record TrainConfig(LossKind loss, float labelSmoothing, AdamSettings generatorOptimizer,
                          AdamSettings discriminatorOptimizer, int discriminatorSteps, int batchSize, long seed,
                          long steps, int sampleEvery, int checkpointEvery, int keepCheckpoints, int gridSize,
                          float emaDecay, Augment augment) {

    /**
     * The generator average's usual decay (with a warm-up, see {@link GeneratorAverage}). Not on by default: at
     * 1,000 steps on the built-in data the average scored FID 29.7 against the trained weights' 25.6 (docs/training.md).
     */
    public static final float SUGGESTED_EMA_DECAY = 0.999f;

    public TrainConfig {
        augment = augment == null ? Augment.OFF : augment;
    }

    /** Settings without augmentation and without a generator average. */
    public TrainConfig(LossKind loss, float labelSmoothing, AdamSettings generatorOptimizer,
                       AdamSettings discriminatorOptimizer, int discriminatorSteps, int batchSize, long seed,
                       long steps, int sampleEvery, int checkpointEvery, int keepCheckpoints, int gridSize) {
        this(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps, batchSize, seed,
                steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize, 0f, Augment.OFF);
    }

    /**
     * A new run's settings (the studio's and the command line's defaults): {@link Augment#AUTO} augmentation, which
     * is on for small colour datasets and for long runs on small grayscale ones, and no generator average, measured
     * worse at the lengths there was CPU for (docs/training.md).
     */
    public static TrainConfig defaults() {
        return new TrainConfig(LossKind.BCE, 0f, AdamSettings.DCGAN, AdamSettings.DCGAN, 1, 64, 1L, 2000, 50, 500, 3,
                64).withAugment(Augment.AUTO);
    }

    public TrainConfig withAugment(Augment newAugment) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, seed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize, emaDecay,
                newAugment);
    }

    public TrainConfig withEmaDecay(float decay) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, seed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize, decay, augment);
    }

    public TrainConfig withOptimizers(AdamSettings generator, AdamSettings discriminator) {
        return new TrainConfig(loss, labelSmoothing, generator, discriminator, discriminatorSteps, batchSize, seed,
                steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize, emaDecay, augment);
    }

    /** Adam's learning rate and betas. */
    public record AdamSettings(float learningRate, float beta1, float beta2) {
        public static final AdamSettings DCGAN = new AdamSettings(2e-4f, 0.5f, 0.999f);
    }

    public TrainConfig withSteps(long newSteps) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, seed, newSteps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize,
                emaDecay, augment);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                batchSize, newSeed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize,
                emaDecay, augment);
    }

    public TrainConfig withBatchSize(int newBatch) {
        return new TrainConfig(loss, labelSmoothing, generatorOptimizer, discriminatorOptimizer, discriminatorSteps,
                newBatch, seed, steps, sampleEvery, checkpointEvery, keepCheckpoints, gridSize,
                emaDecay, augment);
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
        if (!(emaDecay == 0f || (emaDecay >= 0.5f && emaDecay < 1f))) {
            p.add(Phrase.of("train.emaDecay", emaDecay));
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
