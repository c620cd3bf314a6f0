package io.ganstudio.core.anomaly;

/**
 * One scored image.
 *
 * @param score          the chosen method's score (see {@link ScoreMethod})
 * @param imageTerm      MSE(x, G(E(x))) over pixels and channels, images in [-1, 1]
 * @param featureTerm    MSE(f(x), f(G(E(x)))) over D's features
 * @param reconstruction G(E(x)), CHW, values in [-1, 1]
 * @param map            the chosen method's map, smoothed, size x size, row-major
 * @param scores         every method's score, indexed by {@link ScoreMethod#ordinal()}
 * @param maps           every method's map, the same way
 */
public record Inspection(double score, double imageTerm, double featureTerm, float[] reconstruction, float[] map,
                         double[] scores, float[][] maps) {

    public double score(ScoreMethod m) {
        return scores[m.ordinal()];
    }

    public float[] map(ScoreMethod m) {
        return maps[m.ordinal()];
    }
}
