package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.SmallColourFolder;
import io.ganstudio.core.train.TrainConfig;

/** Starting points offered on the Model screen; CUSTOM marks values that match no preset. */
public enum ModelPreset {
    /** Small enough to show recognisable Fashion-MNIST shapes within minutes on a 2-core laptop. */
    CLASSROOM_28("preset.classroom28", 28, 64, 32, 64, 1500, 25, 250),
    DCGAN_32("preset.dcgan32", 32, 100, 64, 64, 3000, 50, 500),
    /**
     * The DCGAN paper's network (ngf = ndf = 64, nz = 100), for a lesson: 500 steps take about 10 minutes on a 2-core
     * laptop (about 1.1 CPU-seconds a step on each core, measured with the bench command); continue for more.
     */
    DCGAN_64("preset.dcgan64", 64, 100, 64, 64, 500, 25, 100),
    /**
     * The DCGAN 64x64 networks at half the width (ngf = ndf = 32), faster learning rates and a generator average, for a
     * folder of up to 2,000 colour images ({@link SmallColourFolder}, where the choices and their measurements are).
     */
    COLOUR_64("preset.colour64", 64, 100, SmallColourFolder.WIDTH, 64, 1400, 50, 250),
    /**
     * Spectral normalisation in D, hinge loss and two time-scale learning rates (D 4e-4, G 1e-4, betas 0 and 0.9),
     * the SN-GAN recipe (Miyato et al. 2018; Heusel et al. 2017).
     */
    SN_HINGE_28("preset.snHinge28", 28, 100, 64, 64, 3000, 50, 500),
    CUSTOM("preset.custom", 0, 0, 0, 0, 0, 0, 0);

    private static final TrainConfig.AdamSettings TTUR_G = new TrainConfig.AdamSettings(1e-4f, 0f, 0.9f);
    private static final TrainConfig.AdamSettings TTUR_D = new TrainConfig.AdamSettings(4e-4f, 0f, 0.9f);

    private final String labelKey;
    private final int imageSize;
    private final int latent;
    private final int width;
    private final int batch;
    private final long steps;
    private final int sampleEvery;
    private final int checkpointEvery;

    ModelPreset(String labelKey, int imageSize, int latent, int width, int batch, long steps, int sampleEvery,
                int checkpointEvery) {
        this.labelKey = labelKey;
        this.imageSize = imageSize;
        this.latent = latent;
        this.width = width;
        this.batch = batch;
        this.steps = steps;
        this.sampleEvery = sampleEvery;
        this.checkpointEvery = checkpointEvery;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The preset's networks for images with this many channels (the dataset decides, not the preset). */
    public ModelConfig model(int channels) {
        requireReal();
        ModelConfig m = new ModelConfig(imageSize, channels, latent, width, width, Normalization.BATCH_NORM)
                .withSpectralNorm(this == SN_HINGE_28);
        return m.withUpsampling(Upsampling.recommendedFor(m.networkSize()));
    }

    public TrainConfig train() {
        requireReal();
        TrainConfig.AdamSettings adam = TrainConfig.AdamSettings.DCGAN;
        TrainConfig base = this == SN_HINGE_28
                ? new TrainConfig(LossKind.HINGE, 0f, TTUR_G, TTUR_D, 1, batch, 1L, steps, sampleEvery,
                        checkpointEvery, 3, 64)
                : new TrainConfig(LossKind.BCE, 0f, adam, adam, 1, batch, 1L, steps, sampleEvery, checkpointEvery,
                        3, 64);
        // Auto augmentation, as every new run: on for small datasets (grayscale ones in long runs only; Augment.AUTO).
        base = base.withAugment(Augment.AUTO);
        return this == COLOUR_64 ? SmallColourFolder.trained(base) : base;
    }

    /**
     * The preset these settings are, or CUSTOM. A preset is its networks and how they learn: the channels, the seed,
     * how long to train and what is recorded on the way (steps, sample and checkpoint intervals, checkpoints kept,
     * grid size) do not make a preset, so changing them keeps its name.
     */
    public static ModelPreset matching(ModelConfig m, TrainConfig t) {
        for (ModelPreset p : values()) {
            if (p != CUSTOM && p.model(m.channels()).equals(m.withConditional(false))
                    && withScheduleOf(p.train(), t).equals(t)) {
                return p;
            }
        }
        return CUSTOM;
    }

    /** The preset's training with the seed, length and recording of {@code t}. */
    private static TrainConfig withScheduleOf(TrainConfig p, TrainConfig t) {
        return new TrainConfig(p.loss(), p.labelSmoothing(), p.generatorOptimizer(), p.discriminatorOptimizer(),
                p.discriminatorSteps(), p.batchSize(), t.seed(), t.steps(), t.sampleEvery(), t.checkpointEvery(),
                t.keepCheckpoints(), t.gridSize(), p.emaDecay(), p.augment());
    }

    private void requireReal() {
        if (this == CUSTOM) {
            throw new IllegalStateException("CUSTOM has no values of its own");
        }
    }
}
