package io.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.random.Rng;

import java.util.Arrays;
import java.util.Map;

/**
 * The adversarial training loop, one step at a time. Not thread-safe: MXNet's autograd recording is per thread,
 * so one thread must create and drive a trainer for its whole life.
 *
 * <p>Everything random comes from the run's seed through {@link Rng}: weight init, the fixed sample noise, the noise
 * of each step (a generator whose state is checkpointed), and the order of the images (a fresh permutation per
 * epoch drawn from the seed and the epoch number). So a resumed run continues exactly where the first one was.
 */
public final class GanTrainer implements AutoCloseable {

    private static final long AUGMENT_STREAM = 0xA6A6_0000_0000_0005L;
    public static final String ADA_STATE = "a.ada";

    private final ModelConfig model;
    private final TrainConfig train;
    private final ImageDataset data;
    private final GanNetworks networks;
    private final AdamOptimizer generatorOptimizer;
    private final AdamOptimizer discriminatorOptimizer;
    private final GanLoss loss;
    private final GeneratorAverage average;
    private final Augment augment;
    private final AdaptiveAugment ada;
    private Rng augmentRng;
    private final Rng noise;
    private final float[] fixedNoise;
    private final float[] realBuffer;
    private final float[] noiseBuffer;
    private final int[] batchIndices;
    /** Classes of the real batch (conditional runs). */
    private final int[] batchLabels;
    /** Classes the generated batch asks for (conditional runs): the real batch's, in {@link ModeSeeking}'s pairs. */
    private final int[] fakeLabels;
    private int[] fixedLabels;
    private int gridRows;
    private int gridColumns;
    private final Shape imageShape;
    private final Shape latentShape;
    private long step;
    private long discriminatorBatches;
    private double seconds;
    private int[] permutation;
    private long permutationEpoch = -1;
    private StepPause pause;
    private long pausedNanos;

    public GanTrainer(ModelConfig model, TrainConfig train, ImageDataset data, NDManager parent) {
        if (data.channels() != model.channels() || data.imageSize() != model.imageSize()) {
            throw new IllegalArgumentException("the dataset holds " + data.channels() + "-channel " + data.imageSize()
                    + "px images but the model expects " + model.channels() + "-channel " + model.imageSize() + "px");
        }
        if (model.classCount() > 0) {
            requireClasses(model, data);
        }
        this.model = model;
        this.train = train;
        this.data = data;
        this.networks = new GanNetworks(model, parent, train.seed());
        this.generatorOptimizer = adam(networks, train.generatorOptimizer(), true);
        this.discriminatorOptimizer = adam(networks, train.discriminatorOptimizer(), false);
        this.loss = new GanLoss(train.loss(), train.labelSmoothing());
        this.average = train.emaDecay() > 0f ? new GeneratorAverage(networks, train.emaDecay()) : null;
        this.augment = train.augment().resolve(data.count(), data.channels(), train.steps(), train.batchSize());
        this.ada = augment == Augment.ADA ? new AdaptiveAugment(train.batchSize()) : null;
        this.noise = Rng.derive(train.seed(), 3);
        this.fixedNoise = fixedNoise(model, train);
        int b = train.batchSize();
        this.batchLabels = new int[b];
        this.fakeLabels = new int[b];
        this.realBuffer = new float[b * data.imageBytes()];
        this.noiseBuffer = new float[b * model.latentSize()];
        this.batchIndices = new int[b];
        this.imageShape = new Shape(b, model.channels(), model.imageSize(), model.imageSize());
        this.latentShape = new Shape(b, model.latentSize(), 1, 1);
    }

    private static void requireClasses(ModelConfig model, ImageDataset data) {
        if (!data.hasLabels() || data.classNames().size() != model.classCount()) {
            throw new IllegalArgumentException("a conditional model with " + model.classCount() + " classes needs "
                    + "data with the same classes; this data has " + data.classNames().size());
        }
        int unlabelled = 0;
        for (int i = 0; i < data.count(); i++) {
            unlabelled += data.label(i) < 0 ? 1 : 0;
        }
        if (unlabelled > 0) {
            throw new IllegalArgumentException("a conditional model needs a class for every image; " + unlabelled
                    + " images are not in a class subfolder");
        }
    }

    /**
     * The fixed sample noise. Unconditional: gridSize vectors. Conditional: one row per class (up to
     * {@link SampleGrid#MAX_CLASS_ROWS}) of {@link SampleGrid#CLASS_COLUMNS} images, the same z down each column,
     * so a column shows one z in every class.
     */
    private float[] fixedNoise(ModelConfig model, TrainConfig train) {
        int l = model.latentSize();
        Rng rng = Rng.derive(train.seed(), 2);
        if (model.classCount() == 0) {
            float[] z = new float[train.gridSize() * l];
            rng.fillGaussian(z, 0f, 1f);
            return z;
        }
        gridRows = Math.min(model.classCount(), SampleGrid.MAX_CLASS_ROWS);
        gridColumns = SampleGrid.CLASS_COLUMNS;
        float[] column = new float[gridColumns * l];
        rng.fillGaussian(column, 0f, 1f);
        float[] z = new float[gridRows * gridColumns * l];
        fixedLabels = new int[gridRows * gridColumns];
        for (int r = 0; r < gridRows; r++) {
            System.arraycopy(column, 0, z, r * gridColumns * l, gridColumns * l);
            Arrays.fill(fixedLabels, r * gridColumns, (r + 1) * gridColumns, r);
        }
        return z;
    }

    private static AdamOptimizer adam(GanNetworks n, TrainConfig.AdamSettings s, boolean generator) {
        return new AdamOptimizer(n.manager(), generator ? n.generator().getParameters()
                : n.discriminator().getParameters(), s.learningRate(), s.beta1(), s.beta2());
    }

    /** Runs the discriminator steps and one generator step, and returns what they measured. */
    public StepMetrics step() {
        long t0 = System.nanoTime();
        NDManager root = networks.manager();
        // The augmentation's random numbers come from the seed and the step alone, so a resumed run draws the same.
        augmentRng = Rng.derive(train.seed() ^ AUGMENT_STREAM, step);
        try (NDManager stepManager = root.newSubManager()) {
            NDList dMetrics = new NDList();
            NDArray fake = null;
            for (int k = 0; k < train.discriminatorSteps(); k++) {
                boolean last = k == train.discriminatorSteps() - 1;
                try (NDManager sub = stepManager.newSubManager()) {
                    NDList out = discriminatorStep(sub, last);
                    out.attach(stepManager);
                    dMetrics.add(out.get(0));
                    fake = out.size() > 1 ? out.get(1) : null;
                }
            }
            long paused = pauseBetweenHalves(dMetrics);
            // The G step's arrays belong to the step manager, which frees them when the step ends.
            NDArray lossG = generatorStep(fake);
            // One read at the end: MXNet queues the work, so the G step's operators are already queued while the
            // D step still computes, instead of the Java thread waiting in between (unless a StepPause says the user
            // is about: then the D half is finished first, so that the step can wait between the halves).
            float[] perStep = NDArrays.stack(dMetrics).toFloatArray();
            float[] d = new float[4];
            for (int k = 0; k < dMetrics.size(); k++) {
                for (int j = 0; j < 4; j++) {
                    d[j] += perStep[k * 4 + j] / dMetrics.size();
                }
                if (ada != null) {
                    ada.observe(perStep[k * 4 + 3]);
                }
            }
            float gLoss = lossG.getFloat();
            step++;
            if (average != null) {
                average.update(step);
            }
            double elapsed = (System.nanoTime() - t0 - paused) / 1e9;
            seconds += elapsed;
            double imagesPerSecond = train.batchSize() * train.discriminatorSteps() / elapsed;
            return new StepMetrics(step, seconds, d[0], gLoss, d[1], d[2], imagesPerSecond, augmentP(),
                    ada == null ? Double.NaN : ada.r(), d[3]);
        }
    }

    /**
     * Where the user can go first: when a {@link StepPause} says somebody is about, waits for the discriminator
     * half's work (its metrics and its updated weights), then for the pause. Returns the nanoseconds paused.
     */
    private long pauseBetweenHalves(NDList dMetrics) {
        if (pause == null || !pause.nearby()) {
            return 0;
        }
        for (NDArray m : dMetrics) {
            Autograd.awaitReadable(m);
        }
        discriminatorOptimizer.awaitUpdated();
        long p0 = System.nanoTime();
        pause.await();
        long paused = System.nanoTime() - p0;
        pausedNanos += paused;
        return paused;
    }

    /**
     * Lets steps wait between their halves while the user interacts (null: never; the command line). The step's
     * results do not depend on it.
     */
    public void setStepPause(StepPause pause) {
        this.pause = pause;
    }

    /** Time steps have waited between their halves so far (not counted in {@link #seconds()}). */
    public long pausedNanos() {
        return pausedNanos;
    }

    private double augmentP() {
        return switch (augment) {
            case DIFFAUGMENT -> 1.0;
            case ADA -> ada.p();
            default -> Double.NaN;
        };
    }

    /** What the discriminator sees: the images augmented when augmentation is on (never the samples). */
    private NDArray augmented(NDArray images) {
        return augment == Augment.OFF ? images : DiffAugment.apply(images, augmentP(), augmentRng);
    }

    /**
     * One D update on a real and a generated batch. Returns (loss, score on real, score on fake, mean sign of the
     * real logits), and with
     * {@code keepFake} also the generated batch with its autograd history, for the G step to reuse.
     */
    private NDList discriminatorStep(NDManager sub, boolean keepFake) {
        nextRealBatch();
        NDArray real = PortableOps.create(sub, realBuffer, imageShape);
        NDArray z = PortableOps.create(sub, nextNoise(), latentShape);
        int[] labels = model.classCount() > 0 ? batchLabels : null;
        int[] fakes = null;
        if (labels != null) {
            ModeSeeking.pairClasses(labels, fakeLabels);
            fakes = fakeLabels;
        }
        NDArray lossD;
        NDArray realLogits;
        NDArray fakeLogits;
        NDArray fake;
        networks.armPowerIteration();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            fake = networks.generate(z, fakes, true);
            NDArray fakeForD = keepFake ? Autograd.detachedCopy(fake) : fake.stopGradient();
            // A conditional D also learns to classify the real images and to see no class in the generated ones
            // (ClassTerm); the reported D loss stays the adversarial one, as does the reported G loss below.
            NDArray classTerm = null;
            if (labels != null) {
                NDList realOut = networks.discriminateWithClasses(augmented(real), labels, true);
                NDList fakeOut = networks.discriminateWithClasses(augmented(fakeForD), fakes, true);
                realLogits = realOut.get(0);
                fakeLogits = fakeOut.get(0);
                classTerm = PortableOps.mul(ClassTerm.crossEntropy(realOut.get(1), labels), ClassTerm.WEIGHT)
                        .add(PortableOps.mul(ClassTerm.crossEntropyToUniform(fakeOut.get(1)), ClassTerm.WEIGHT));
            } else {
                realLogits = networks.discriminate(augmented(real), null, true);
                fakeLogits = networks.discriminate(augmented(fakeForD), null, true);
            }
            lossD = loss.discriminator(realLogits, fakeLogits);
            discriminatorOptimizer.clearGradients();
            gc.backward(classTerm == null ? lossD : lossD.add(classTerm));
        }
        discriminatorOptimizer.update();
        NDArray metrics = NDArrays.stack(new NDList(lossD, loss.score(realLogits), loss.score(fakeLogits),
                realLogits.sign().mean()));
        return keepFake ? new NDList(metrics, fake) : new NDList(metrics);
    }

    /**
     * One G update through the just updated discriminator, on the batch the last D step generated (as the DCGAN
     * reference does): one generator forward pass fewer per step, about 14% less CPU time per 32x32 step measured.
     */
    private NDArray generatorStep(NDArray fakeFromD) {
        NDArray lossG;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // The batch was generated by the last D step, for the classes fakeLabels still holds, from the noise
            // noiseBuffer still holds.
            boolean conditional = model.classCount() > 0;
            NDArray backward;
            if (conditional) {
                NDList out = networks.discriminateWithClasses(augmented(fakeFromD), fakeLabels, true);
                lossG = loss.generator(out.get(0));
                backward = lossG;
                NDArray diversity = ModeSeeking.term(fakeFromD, noiseBuffer, model.latentSize());
                if (diversity != null) {
                    backward = backward.add(diversity);
                }
                backward = backward.add(
                        PortableOps.mul(ClassTerm.crossEntropy(out.get(1), fakeLabels), ClassTerm.WEIGHT));
            } else {
                lossG = loss.generator(networks.discriminate(augmented(fakeFromD), null, true));
                backward = lossG;
            }
            generatorOptimizer.clearGradients();
            gc.backward(backward);
        }
        networks.passGeneratorGradients();
        generatorOptimizer.update();
        return lossG;
    }

    private void nextRealBatch() {
        int n = data.count();
        long position = discriminatorBatches * train.batchSize();
        for (int i = 0; i < batchIndices.length; i++) {
            long p = position + i;
            long epoch = p / n;
            if (epoch != permutationEpoch) {
                permutation = permutation(epoch);
                permutationEpoch = epoch;
            }
            batchIndices[i] = permutation[(int) (p % n)];
            batchLabels[i] = data.label(batchIndices[i]);
        }
        discriminatorBatches++;
        data.fillBatch(batchIndices, realBuffer);
    }

    private int[] permutation(long epoch) {
        return Rng.derive(train.seed() ^ 0x5DEECE66DL, epoch).permutation(data.count());
    }

    private float[] nextNoise() {
        noise.fillGaussian(noiseBuffer, 0f, 1f);
        return noiseBuffer;
    }

    /** The fixed-noise sample batch (gridSize images, NCHW, values in [-1, 1]) from the current generator. */
    public float[] sampleFixedNoise() {
        int n = gridCount();
        if (model.classCount() > 0) {
            return average != null ? average.sample(fixedNoise, fixedLabels, n)
                    : networks.sample(fixedNoise, fixedLabels, n);
        }
        return average != null ? average.sample(fixedNoise, n) : networks.sample(fixedNoise, n);
    }

    /** Images in the fixed-noise sample grid: gridSize, or for a conditional run a row of images per class. */
    public int gridCount() {
        return model.classCount() > 0 ? gridRows * gridColumns : train.gridSize();
    }

    /** The fixed-noise samples as a grid; a conditional run's has one row per class, labelled with its name. */
    public SampleGrid sampleGrid() {
        float[] images = sampleFixedNoise();
        if (model.classCount() > 0) {
            return SampleGrid.classRows(images, gridRows, gridColumns, model.channels(), model.imageSize(),
                    model.classes().subList(0, gridRows));
        }
        return SampleGrid.of(images, gridCount(), model.channels(), model.imageSize());
    }

    /** The augmentation this run uses (automatic choice resolved by the dataset's size). */
    public Augment augment() {
        return augment;
    }

    /**
     * Images from the generator for any latent vectors (n x latent floats), with batch norm's running statistics;
     * what the quality probe measures. Call with one batch size throughout (oneDNN keeps one shape per network).
     */
    public float[] sample(float[] latents, int n) {
        // The generator average, when the run keeps one, is what every sample and loader uses.
        return average != null ? average.sample(latents, n) : networks.sample(latents, n);
    }

    public long stepsDone() {
        return step;
    }

    public double seconds() {
        return seconds;
    }

    /** Epochs completed, as a fraction: real images seen divided by the dataset size. */
    public double epochs() {
        return (double) discriminatorBatches * train.batchSize() / data.count();
    }

    public GanNetworks networks() {
        return networks;
    }

    public ModelConfig modelConfig() {
        return model;
    }

    public TrainConfig trainConfig() {
        return train;
    }

    /** Everything needed to continue exactly from here. */
    public TrainerState exportState() {
        // The average and ADA's state travel with the weights ("e.", "a."), which loaders that do not know them skip.
        Map<String, float[]> weights = networks.exportWeights();
        if (average != null) {
            weights.putAll(average.export());
        }
        if (ada != null) {
            weights.put(ADA_STATE, ada.export());
        }
        return new TrainerState(step, discriminatorBatches, seconds, noise.state(), generatorOptimizer.step(),
                discriminatorOptimizer.step(), weights, generatorOptimizer.exportState(),
                discriminatorOptimizer.exportState());
    }

    public void importState(TrainerState s) {
        networks.importWeights(s.weights());
        if (average != null) {
            average.importFrom(s.weights());
        }
        if (ada != null && s.weights().containsKey(ADA_STATE)) {
            ada.restore(s.weights().get(ADA_STATE));
        }
        generatorOptimizer.importState(s.generatorOptimizerStep(), s.generatorOptimizer());
        discriminatorOptimizer.importState(s.discriminatorOptimizerStep(), s.discriminatorOptimizer());
        noise.restore(s.noise());
        step = s.step();
        discriminatorBatches = s.discriminatorBatches();
        seconds = s.seconds();
    }

    @Override
    public void close() {
        if (average != null) {
            average.close();
        }
        generatorOptimizer.close();
        discriminatorOptimizer.close();
        networks.close();
    }
}
