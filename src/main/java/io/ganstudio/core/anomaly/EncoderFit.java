package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.AdamOptimizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Trains f-AnoGAN's encoder on a run's normal training images with G and D frozen (izi_f: loss = MSE(x, G(E(x)))
 * + kappa * MSE(f(x), f(G(E(x))))), scores a validation split of the same normal images that the encoder never
 * saw, takes the threshold from a percentile of those scores, and writes it all into the run folder at once.
 *
 * <p>The validation images were part of the GAN's training (the run used every image); they are held out of the
 * encoder's training only. Their scores are therefore a little optimistic, which a high percentile absorbs.
 */
public final class EncoderFit {

    /**
     * @param steps              encoder training steps of {@link FAnoGan#BATCH} images
     * @param validationFraction share of the normal images held out of the encoder's training for the threshold
     * @param percentile         percentile of the validation scores used as the threshold
     */
    public record Settings(int steps, float learningRate, double validationFraction, double percentile, long seed,
                           ScoreMethod method) {

        public static final int DEFAULT_STEPS = 1000;

        public Settings {
            if (steps < 1) {
                throw new IllegalArgumentException("the encoder needs at least 1 training step, not " + steps);
            }
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("the validation fraction must lie between 0 and 1, not "
                        + validationFraction);
            }
            new Threshold(percentile, 0); // validates the range
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_STEPS, 1e-3f, 0.1, Threshold.DEFAULT_PERCENTILE, 1L, ScoreMethod.DEFAULT);
        }

        public Settings withSteps(int n) {
            return new Settings(n, learningRate, validationFraction, percentile, seed, method);
        }

        public Settings withMethod(ScoreMethod m) {
            return new Settings(steps, learningRate, validationFraction, percentile, seed, m);
        }
    }

    /** Called after every step, on the fitting thread. */
    @FunctionalInterface
    public interface Progress {
        void step(int step, int total, float loss, float imageTerm, float featureTerm);
    }

    private EncoderFit() {
    }

    /**
     * Fits, writes {@code anomaly/encoder.gse} into the run folder, and returns it.
     *
     * @param normal the run's training images (loaded like the run loads them)
     * @throws CancellationException when {@code cancelled} turns true; nothing is written then
     */
    public static EncoderFile fit(RunFolder run, ImageDataset normal, Settings settings, Progress progress,
                                  BooleanSupplier cancelled) throws IOException {
        return fit(run, normal, settings, null, progress, cancelled);
    }

    /**
     * As {@link #fit(RunFolder, ImageDataset, Settings, Progress, BooleanSupplier)}, but with the encoder of an
     * earlier fit to the same checkpoint, {@code reuse} (same split, same steps), instead of training it again:
     * only the feature statistics and the validation scores are computed anew.
     */
    public static EncoderFile fit(RunFolder run, ImageDataset normal, Settings settings, EncoderFile reuse,
                                  Progress progress, BooleanSupplier cancelled) throws IOException {
        ModelConfig model = run.config().model();
        if (normal.channels() != model.channels() || normal.imageSize() != model.imageSize()) {
            throw new IllegalArgumentException("the images are " + normal.channels() + "-channel "
                    + normal.imageSize() + "px but the run's model takes " + model.channels() + "-channel "
                    + model.imageSize() + "px");
        }
        if (normal.count() < 3) {
            throw new IllegalArgumentException("fitting the inspection model needs at least 3 normal images (two to "
                    + "fit it on, one to set the threshold); the run's data has " + normal.count());
        }
        long t0 = System.nanoTime();
        int[] order = Rng.derive(settings.seed(), 41).permutation(normal.count());
        int validation = (int) Math.max(1, Math.min(normal.count() - 2,
                Math.round(normal.count() * settings.validationFraction())));
        int[] validationIdx = Arrays.copyOfRange(order, 0, validation);
        int[] trainIdx = Arrays.copyOfRange(order, validation, order.length);

        try (FAnoGan n = FAnoGan.open(run, -1)) {
            float[] losses;
            if (reuse != null) {
                if (reuse.header().ganStep() != n.step() || reuse.header().steps() != settings.steps()) {
                    throw new IllegalArgumentException("the encoder to reuse was fitted to step "
                            + reuse.header().ganStep() + " for " + reuse.header().steps() + " steps, not to step "
                            + n.step() + " for " + settings.steps());
                }
                n.encoder().importWeights(reuse.weights());
                losses = reuse.header().losses();
            } else {
                losses = train(n, normal, trainIdx, settings, progress, cancelled);
            }
            checkCancelled(cancelled);
            int v = normal.imageBytes();
            // D's feature statistics on the images the encoder trained on; the validation images stay unseen.
            float[] refs = new float[trainIdx.length * v];
            normal.fillBatch(trainIdx, refs);
            FeatureGaussian.Accumulator acc = new FeatureGaussian.Accumulator();
            for (int from = 0; from < trainIdx.length; from += FAnoGan.BATCH) {
                checkCancelled(cancelled);
                int count = Math.min(FAnoGan.BATCH, trainIdx.length - from);
                try (NDManager sub = n.manager().newSubManager()) {
                    NDArray x = n.batch(sub, Arrays.copyOfRange(refs, from * v, (from + count) * v), count);
                    List<NDArray> stages = n.stages(x);
                    acc.add(stages.get(stages.size() - 1), count);
                }
            }
            FeatureGaussian gaussian = acc.finish();
            RotationHead rotation = RotationHead.fit(n, refs, settings.seed(), cancelled);
            Inspector inspector = Inspector.fitting(n, gaussian, rotation, refs);
            List<Inspection> all = new ArrayList<>(validation);
            for (int from = 0; from < validation; from += FAnoGan.BATCH) {
                checkCancelled(cancelled);
                int count = Math.min(FAnoGan.BATCH, validation - from);
                float[] batch = new float[count * v];
                normal.fillBatch(Arrays.copyOfRange(validationIdx, from, from + count), batch);
                List<float[]> images = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    images.add(Arrays.copyOfRange(batch, i * v, (i + 1) * v));
                }
                all.addAll(inspector.inspect(images));
            }
            // The parts first, then the combined score from their normalised values.
            for (ScoreMethod m : ScoreMethod.values()) {
                if (m != ScoreMethod.COMBINED) {
                    inspector.putStats(m, stats(m, all, settings.percentile()));
                }
            }
            all = new ArrayList<>(all.size());
            for (int from = 0; from < validation; from += FAnoGan.BATCH) {
                checkCancelled(cancelled);
                int count = Math.min(FAnoGan.BATCH, validation - from);
                float[] batch = new float[count * v];
                normal.fillBatch(Arrays.copyOfRange(validationIdx, from, from + count), batch);
                List<float[]> images = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    images.add(Arrays.copyOfRange(batch, i * v, (i + 1) * v));
                }
                all.addAll(inspector.inspect(images));
            }
            inspector.putStats(ScoreMethod.COMBINED, stats(ScoreMethod.COMBINED, all, settings.percentile()));
            List<MethodStats> methodStats = new ArrayList<>();
            for (ScoreMethod m : ScoreMethod.values()) {
                methodStats.add(inspector.stats(m));
            }
            MethodStats chosen = inspector.stats(settings.method());
            Map<String, float[]> weights = new LinkedHashMap<>(n.encoder().exportWeights());
            n.ganWeights().forEach((k, w) -> weights.put(Inspector.GAN_PREFIX + k, w));
            weights.put(Inspector.PADIM_MEAN, gaussian.mean());
            weights.put(Inspector.PADIM_PRECISION, gaussian.precision());
            weights.put(Inspector.REFERENCE_PIXELS, refs);
            weights.put(RotationHead.MEAN, rotation.mean());
            weights.put(RotationHead.SCALE, rotation.scale());
            weights.put(RotationHead.WEIGHTS, rotation.weights());
            EncoderFile.Header header = new EncoderFile.Header(n.step(), FAnoGan.KAPPA,
                    settings.steps(), FAnoGan.BATCH, settings.learningRate(), settings.validationFraction(),
                    trainIdx.length, validation, chosen.validationScores(), chosen.percentile(), chosen.threshold(),
                    chosen.mapScale(), (System.nanoTime() - t0) / 1e9, losses, List.of(), settings.method().id(),
                    n.fingerprint(), model, run.config().train().seed(), trainIdx.length, methodStats);
            EncoderFile file = new EncoderFile(header, weights);
            checkCancelled(cancelled);
            file.write(run.dir());
            return file;
        }
    }

    /** One method's validation statistics: its scores, threshold and map scale. */
    private static MethodStats stats(ScoreMethod m, List<Inspection> validation, double percentile) {
        double[] scores = new double[validation.size()];
        double[] peaks = new double[validation.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = validation.get(i).score(m);
            float[] map = validation.get(i).map(m);
            peaks[i] = map[Heatmap.peak(map)];
        }
        float mapScale = (float) Math.max(1e-6, Threshold.percentile(peaks, 99));
        return MethodStats.of(m, scores, percentile, mapScale);
    }

    private static float[] train(FAnoGan n, ImageDataset normal, int[] trainIdx, Settings settings,
                                 Progress progress, BooleanSupplier cancelled) {
        float[] losses = new float[settings.steps()];
        Rng rng = Rng.derive(settings.seed(), 42);
        int b = FAnoGan.BATCH;
        int[] indices = new int[b];
        float[] pixels = new float[b * normal.imageBytes()];
        int[] order = rng.permutation(trainIdx.length);
        int position = 0;
        try (AdamOptimizer adam = new AdamOptimizer(n.manager(), n.encoder().parameters(), settings.learningRate(),
                0.9f, 0.999f)) {
            for (int step = 1; step <= settings.steps(); step++) {
                checkCancelled(cancelled);
                for (int i = 0; i < b; i++) {
                    if (position == order.length) {
                        order = rng.permutation(trainIdx.length);
                        position = 0;
                    }
                    indices[i] = trainIdx[order[position++]];
                }
                normal.fillBatch(indices, pixels);
                float[] l;
                try (NDManager sub = n.manager().newSubManager()) {
                    l = n.trainingPass(n.batch(sub, pixels, b));
                    adam.update();
                }
                losses[step - 1] = l[0];
                if (progress != null) {
                    progress.step(step, settings.steps(), l[0], l[1], l[2]);
                }
            }
        }
        return losses;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("fitting the encoder was cancelled");
        }
    }
}
