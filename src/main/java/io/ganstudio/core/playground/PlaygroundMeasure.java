package io.ganstudio.core.playground;

/**
 * How well a setting learns a preset: the JS divergence (bits, as the CLI and the studio show it) at step 0 and every
 * few steps after, for one seed. The same config, preset and seed give the same figures.
 */
public final class PlaygroundMeasure {

    private PlaygroundMeasure() {
    }

    /**
     * @param config the settings; its seed is replaced by {@code seed}
     * @return JS at step 0, every, 2 * every, ... up to steps
     */
    public static double[] js(PlaygroundConfig config, Preset preset, long seed, int steps, int every) {
        if (every < 1 || steps < 0) {
            throw new IllegalArgumentException("every must be at least 1 and steps at least 0");
        }
        PlaygroundConfig c = config.withSeed(seed);
        PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(preset, seed));
        double[] js = new double[steps / every + 1];
        js[0] = gan.js();
        for (int i = 1; i <= steps; i++) {
            gan.trainStep();
            if (i % every == 0) {
                js[i / every] = gan.js();
            }
        }
        return js;
    }
}
