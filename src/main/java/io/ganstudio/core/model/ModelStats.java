package io.ganstudio.core.model;

import java.util.List;

/**
 * Parameter counts and FLOPs computed from the layer list.
 *
 * <p>A training step as the trainer runs it, per image of the batch: the D step runs G forward once and D forward on
 * a real and a fake batch, then D backward for both; the G step reuses the last D step's generated batch, runs D
 * forward on it and backward through D into G. Backward costs about twice the forward pass (gradients for inputs and
 * for weights), so a step is {@code G*(1+2) + D*(2+4+1+2) = 3G + 9D} forward-equivalents per image, plus
 * {@code G + 6D} for each further D step where n > 1.
 */
public record ModelStats(long generatorParameters, long discriminatorParameters, long generatorFlops,
                         long discriminatorFlops) {

    public static ModelStats of(ModelConfig c) {
        return new ModelStats(sumParams(Dcgan.generatorLayers(c)), sumParams(Dcgan.discriminatorLayers(c)),
                sumFlops(Dcgan.generatorLayers(c)), sumFlops(Dcgan.discriminatorLayers(c)));
    }

    /** FLOPs for one training step (D steps + one G step) on a batch. */
    public double stepFlops(int batchSize, int dStepsPerG) {
        double dStep = generatorFlops + 6.0 * discriminatorFlops;
        double gStep = 2.0 * generatorFlops + 3.0 * discriminatorFlops;
        return batchSize * (dStepsPerG * dStep + gStep);
    }

    public long totalParameters() {
        return generatorParameters + discriminatorParameters;
    }

    private static long sumParams(List<LayerSpec> layers) {
        return layers.stream().mapToLong(LayerSpec::parameters).sum();
    }

    private static long sumFlops(List<LayerSpec> layers) {
        return layers.stream().mapToLong(LayerSpec::forwardFlops).sum();
    }
}
