package io.ganstudio.core.train;

import io.ganstudio.core.text.Phrase;

import java.util.Locale;

/**
 * What one training step measured; one row of metrics.csv.
 *
 * @param step        generator steps done, counting this one
 * @param seconds     training time since the run began (paused time excluded), across resumes
 * @param dLoss       discriminator loss (mean over its steps in this step)
 * @param gLoss       generator loss
 * @param dReal       mean D(x) on real images (a probability for the bce loss, the raw output otherwise)
 * @param dFake       mean D(G(z)) on generated images, same scale
 * @param imagesPerSecond real images consumed per second of this step
 * @param augmentP    probability of each augmentation (1 for DiffAugment, adaptive for ADA), NaN when off
 * @param augmentR    ADA's overfitting measure E[sign(D(real))] of the last interval, NaN without ADA
 * @param realSign    E[sign(D(real))] of this step (mean over its D steps), for every run; NaN when not measured
 *                    (rows written before it existed)
 */
public record StepMetrics(long step, double seconds, double dLoss, double gLoss, double dReal, double dFake,
                          double imagesPerSecond, double augmentP, double augmentR, double realSign) {

    /** A step without the sign measure (rows of older metrics.csv files). */
    public StepMetrics(long step, double seconds, double dLoss, double gLoss, double dReal, double dFake,
                       double imagesPerSecond, double augmentP, double augmentR) {
        this(step, seconds, dLoss, gLoss, dReal, dFake, imagesPerSecond, augmentP, augmentR, Double.NaN);
    }

    /** A step without augmentation. */
    public StepMetrics(long step, double seconds, double dLoss, double gLoss, double dReal, double dFake,
                       double imagesPerSecond) {
        this(step, seconds, dLoss, gLoss, dReal, dFake, imagesPerSecond, Double.NaN, Double.NaN);
    }

    /** Beyond this a loss means the networks have blown up: no working GAN loss gets near it. */
    public static final double EXPLODED = 1e6;

    public boolean isFinite() {
        return Double.isFinite(dLoss) && Double.isFinite(gLoss) && Double.isFinite(dReal) && Double.isFinite(dFake);
    }

    /**
     * What this step shows when training diverged (a NaN, infinite or exploded loss), as the sentence to tell the
     * user, or null when it did not.
     */
    public Phrase divergence() {
        String d = number(dLoss);
        String g = number(gLoss);
        if (Double.isNaN(dLoss) || Double.isNaN(gLoss) || Double.isNaN(dReal) || Double.isNaN(dFake)) {
            return Phrase.of("diverged.nan", step, d, g);
        }
        if (!isFinite()) {
            return Phrase.of("diverged.infinite", step, d, g);
        }
        if (Math.abs(dLoss) > EXPLODED || Math.abs(gLoss) > EXPLODED) {
            return Phrase.of("diverged.exploded", step, d, g);
        }
        return null;
    }

    private static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3g", x) : String.valueOf(x);
    }
}
