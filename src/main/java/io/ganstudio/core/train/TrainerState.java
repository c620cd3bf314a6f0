package io.ganstudio.core.train;

import io.ganstudio.core.random.Rng;

import java.util.Map;

/** A trainer's complete state: what a checkpoint stores so that resuming continues exactly. */
public record TrainerState(long step, long discriminatorBatches, double seconds, Rng.State noise,
                           long generatorOptimizerStep, long discriminatorOptimizerStep, Map<String, float[]> weights,
                           Map<String, float[]> generatorOptimizer, Map<String, float[]> discriminatorOptimizer) {
}
