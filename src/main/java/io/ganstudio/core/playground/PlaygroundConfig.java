package io.ganstudio.core.playground;

import io.ganstudio.core.text.Decimals;
import io.ganstudio.core.text.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything that decides a playground run: the networks, noise, loss, optimizers and the seed. The same config and
 * the same real points give the same run, step for step.
 *
 * @param gLayers  generator hidden layers, 0-5
 * @param gNeurons generator neurons per hidden layer, 1-100
 * @param dLayers  discriminator hidden layers, 0-5
 * @param dNeurons discriminator neurons per hidden layer, 1-100
 * @param noiseDim 1 or 2
 * @param dSteps   discriminator updates per training step, 1-10
 * @param gSteps   generator updates per training step, 1-10
 * @param penalty  weight of the penalty on D's steepness at the real points (R1, 0-10; 0 turns it off)
 */
public record PlaygroundConfig(int gLayers, int gNeurons, int dLayers, int dNeurons, int noiseDim, Noise noise,
                               Loss loss, Optimizer dOptimizer, double dLearningRate, Optimizer gOptimizer,
                               double gLearningRate, int dSteps, int gSteps, long seed, double penalty) {

    /** Without the penalty. */
    public PlaygroundConfig(int gLayers, int gNeurons, int dLayers, int dNeurons, int noiseDim, Noise noise,
                            Loss loss, Optimizer dOptimizer, double dLearningRate, Optimizer gOptimizer,
                            double gLearningRate, int dSteps, int gSteps, long seed) {
        this(gLayers, gNeurons, dLayers, dNeurons, noiseDim, noise, loss, dOptimizer, dLearningRate, gOptimizer,
                gLearningRate, dSteps, gSteps, seed, 0);
    }

    /** The learning rates offered (GAN Lab's list). */
    public static final List<Double> LEARNING_RATES = List.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);
    public static final int MAX_LAYERS = 5;
    public static final int MAX_NEURONS = 100;
    public static final int MAX_UPDATES = 10;
    /** Points per batch: generated points per update, and real points per D update. */
    public static final int BATCH = 150;
    /** Training steps the CLI runs unless told otherwise: what the studio shows in a minute at 100 steps/s. */
    public static final int DEFAULT_STEPS = 6000;
    public static final double MAX_PENALTY = 10;

    /** Noise fed to the generator. */
    public enum Noise { UNIFORM, GAUSSIAN }

    /** The optimizers offered; Adam uses beta1 0.5, beta2 0.999 (as DCGAN). */
    public enum Optimizer { SGD, ADAM }

    /**
     * Two hidden layers of 16 neurons each, 2-D uniform noise, log loss, Adam at 0.001, 2 D and 1 G updates, the
     * penalty at 0.3, seed 1. With these every preset reached JS 0.25 within 6,000 steps and stayed below 0.3 to
     * 10,000 in seeds 1-3; one layer of 8 at 0.003 without the penalty oscillated and collapsed (docs/classroom.md,
     * "The Playground": the measurement).
     */
    public static PlaygroundConfig defaults() {
        return new PlaygroundConfig(2, 16, 2, 16, 2, Noise.UNIFORM, Loss.LOG, Optimizer.ADAM, 0.001, Optimizer.ADAM,
                0.001, 2, 1, 1, 0.3);
    }

    /**
     * Settings that show mode collapse on the two Gaussians: small networks, a fast learning rate, no penalty. G
     * squeezes its points onto a thin curve and chases D from one place to another instead of covering both.
     */
    public static PlaygroundConfig modeCollapse() {
        return new PlaygroundConfig(1, 8, 1, 8, 2, Noise.UNIFORM, Loss.LOG, Optimizer.ADAM, 0.003, Optimizer.ADAM,
                0.003, 2, 1, 1, 0);
    }

    public PlaygroundConfig withSeed(long s) {
        return new PlaygroundConfig(gLayers, gNeurons, dLayers, dNeurons, noiseDim, noise, loss, dOptimizer,
                dLearningRate, gOptimizer, gLearningRate, dSteps, gSteps, s, penalty);
    }

    /** What is wrong with this config, as phrases; empty when it can run. */
    public List<Phrase> problems() {
        List<Phrase> p = new ArrayList<>();
        range(p, "playground.gLayers", gLayers, 0, MAX_LAYERS);
        range(p, "playground.gNeurons", gNeurons, 1, MAX_NEURONS);
        range(p, "playground.dLayers", dLayers, 0, MAX_LAYERS);
        range(p, "playground.dNeurons", dNeurons, 1, MAX_NEURONS);
        if (noiseDim != 1 && noiseDim != 2) {
            p.add(Phrase.of("playground.noiseDim", noiseDim));
        }
        if (noise == null || loss == null || dOptimizer == null || gOptimizer == null) {
            p.add(Phrase.of("playground.missing"));
        }
        if (!LEARNING_RATES.contains(dLearningRate)) {
            p.add(Phrase.of("playground.dLearningRate", dLearningRate, rates()));
        }
        if (!LEARNING_RATES.contains(gLearningRate)) {
            p.add(Phrase.of("playground.gLearningRate", gLearningRate, rates()));
        }
        range(p, "playground.dSteps", dSteps, 1, MAX_UPDATES);
        range(p, "playground.gSteps", gSteps, 1, MAX_UPDATES);
        if (!(penalty >= 0 && penalty <= MAX_PENALTY)) {
            p.add(Phrase.of("playground.penalty", Double.isFinite(penalty) ? rate(penalty) : String.valueOf(penalty),
                    rate(MAX_PENALTY)));
        }
        return p;
    }

    /** Throws with every problem when the config cannot run. */
    public PlaygroundConfig validated() {
        List<Phrase> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", Phrase.texts(p, Locale.ENGLISH)));
        }
        return this;
    }

    private static void range(List<Phrase> p, String key, int v, int min, int max) {
        if (v < min || v > max) {
            p.add(Phrase.of(key, v, min, max));
        }
    }

    private static String rates() {
        return String.join(", ", LEARNING_RATES.stream().map(PlaygroundConfig::rate).toList());
    }

    /** A learning rate as people write it: 0.1, 0.003, 1. */
    public static String rate(double r) {
        return Decimals.plain(r);
    }
}
