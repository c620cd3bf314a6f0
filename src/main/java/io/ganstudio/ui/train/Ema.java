package io.ganstudio.ui.train;

/**
 * Exponential moving average for the loss curves, with TensorBoard's bias correction so the first points are not
 * dragged toward zero: smoothed = sum(alpha^k (1 - alpha) x) / (1 - alpha^n).
 */
public final class Ema {

    private final double alpha;
    private double accumulator;
    private double weight;

    /** @param alpha 0 (no smoothing) up to below 1 (very smooth) */
    public Ema(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("smoothing must be from 0 up to below 1, not " + alpha);
        }
        this.alpha = alpha;
    }

    /** Adds a value and returns the smoothed value so far; non-finite values pass through without poisoning it. */
    public double next(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        accumulator = alpha * accumulator + (1 - alpha) * x;
        weight = alpha * weight + (1 - alpha);
        return accumulator / weight;
    }
}
