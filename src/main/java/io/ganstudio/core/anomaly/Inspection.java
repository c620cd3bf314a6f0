package io.ganstudio.core.anomaly;

/**
 * One scored image.
 *
 * @param score          image term + kappa * feature term (f-AnoGAN's izi_f anomaly score)
 * @param imageTerm      MSE(x, G(E(x))) over pixels and channels, images in [-1, 1]
 * @param featureTerm    MSE(f(x), f(G(E(x)))) over D's features
 * @param reconstruction G(E(x)), CHW, values in [-1, 1]
 * @param map            the smoothed residual |x - G(E(x))| (mean over channels), size x size, row-major
 */
public record Inspection(double score, double imageTerm, double featureTerm, float[] reconstruction, float[] map) {
}
