package io.ganstudio.core.quality;

import io.ganstudio.core.latent.ClassDirections;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.LoadedCheckpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Class directions for a trained run, end to end (the CLI's {@code directions} and the Explore screen): the run's
 * classifier ({@link RunClassifier}), samples from its generator, the fit ({@link ClassDirections}), the named
 * directions written into the run's {@code latents.json}, and, when asked, what moving along each one does to the
 * classifier's probability. Blocking: call it off the FX thread. A conditional run's samples ask for its classes
 * in turn, so its directions say how much z alone moves the class.
 */
public final class ClassDirectionFit {

    /** Steps along a direction, in standard deviations of the prior, at which {@link #run} measures the effect. */
    public static final double[] EFFECT_STEPS = {-3, -2, -1, 0, 1, 2, 3};

    /** Where the work stands: what it does now and the fraction of the whole done. */
    public interface Progress {
        void update(Stage stage, double fraction);
    }

    public enum Stage { CLASSIFIER, SAMPLING }

    /**
     * @param samples       z to sample and label
     * @param effectSamples starting z for measuring each direction's effect (0: do not measure)
     */
    public record Settings(int samples, int effectSamples, long seed, Path cacheDir) {
    }

    /**
     * @param classifier     "evaluator" (the shipped Fashion-MNIST classifier) or "trained" (on the run's images)
     * @param classifierAccuracy a trained classifier's held-out accuracy on the run's own images (NaN for the evaluator)
     * @param effects        one per fitted direction (same order), empty when not measured
     */
    public record Report(ClassDirections.Result result, String classifier, double classifierAccuracy,
                         int classifierImages, long step, boolean conditional, List<ClassDirections.Effect> effects,
                         Path latentsFile) {
    }

    private ClassDirectionFit() {
    }

    public static Report run(Path runDir, LoadedCheckpoint checkpoint, Settings settings, Progress progress,
                             BooleanSupplier cancelled) throws Exception {
        int latent = checkpoint.config().model().latentSize();
        LatentBook book = LatentBook.open(runDir, latent); // a damaged book fails before any work
        boolean trains = !RunClassifier.usesEvaluator(checkpoint.config());
        double trainShare = trains ? 0.4 : 0.05;
        try (RunClassifier classifier = RunClassifier.forRun(checkpoint.config(), settings.cacheDir(),
                settings.seed(), f -> progress.update(Stage.CLASSIFIER, trainShare * f), cancelled);
             GeneratorRunner generator = GeneratorRunner.load(checkpoint)) {
            ClassDirections.Images images = zs -> {
                try {
                    return generator.sampleBatch(zs).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            };
            double sampleShare = settings.effectSamples() > 0 ? 0.8 : 1.0;
            ClassDirections.Result result = ClassDirections.fit(images, classifier, classifier.classNames(), latent,
                    new ClassDirections.Settings(settings.samples(), 0.2, settings.seed()),
                    f -> progress.update(Stage.SAMPLING, trainShare + (sampleShare - trainShare) * f), cancelled);
            for (ClassDirections.Fitted d : result.directions()) {
                book.put(new LatentBook.Direction(d.name(), d.normal(), d.balancedAccuracy()));
            }
            List<ClassDirections.Effect> effects = new ArrayList<>();
            if (settings.effectSamples() > 0) {
                List<float[]> starts = new ArrayList<>();
                for (int i = 0; i < settings.effectSamples(); i++) {
                    starts.add(Latents.fromSeed(settings.seed() * 1_000_003L + 7_000_000L + i, latent));
                }
                int done = 0;
                for (ClassDirections.Fitted d : result.directions()) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("cancelled");
                    }
                    effects.add(ClassDirections.effect(images, classifier, d.normal(), d.classIndex(), starts,
                            EFFECT_STEPS));
                    progress.update(Stage.SAMPLING, sampleShare + (1 - sampleShare) * ++done
                            / result.directions().size());
                }
            }
            return new Report(result, classifier.isEvaluator() ? "evaluator" : "trained",
                    classifier.heldOutAccuracy(), classifier.trainedOn(), checkpoint.step(),
                    checkpoint.config().model().classCount() > 0, effects, runDir.resolve(LatentBook.FILE));
        }
    }
}
