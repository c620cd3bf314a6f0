package io.ganstudio.core.train;

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
 */
public record StepMetrics(long step, double seconds, double dLoss, double gLoss, double dReal, double dFake,
                          double imagesPerSecond) {

    /** Beyond this a loss means the networks have blown up: no working GAN loss gets near it. */
    public static final double EXPLODED = 1e6;

    public boolean isFinite() {
        return Double.isFinite(dLoss) && Double.isFinite(gLoss) && Double.isFinite(dReal) && Double.isFinite(dFake);
    }

    /** Why this step shows that training diverged (NaN, infinite or exploded loss), or null when it did not. */
    public String divergence() {
        if (!isFinite()) {
            return "a loss became " + (Double.isNaN(dLoss) || Double.isNaN(gLoss) ? "NaN" : "infinite")
                    + " (D loss " + dLoss + ", G loss " + gLoss + ")";
        }
        if (Math.abs(dLoss) > EXPLODED || Math.abs(gLoss) > EXPLODED) {
            return String.format(java.util.Locale.ROOT, "the losses exploded (D loss %.3g, G loss %.3g)", dLoss, gLoss);
        }
        return null;
    }
}
