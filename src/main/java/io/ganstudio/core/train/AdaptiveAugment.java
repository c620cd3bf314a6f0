package io.ganstudio.core.train;

/**
 * The adaptive augmentation probability of StyleGAN2-ADA (Karras et al. 2020): the overfitting heuristic
 * r = E[sign(D(real))] is averaged over {@link #INTERVAL} steps, and p moves by
 * sign(r - 0.6) * batch * interval / (ADA_KIMG * 1000), kept in [0, 1]. StyleGAN2-ADA uses 500 kimg for runs of
 * tens of thousands of kimg; runs here are a few hundred kimg, so p may move from 0 to 1 in 100 kimg.
 */
public final class AdaptiveAugment {

    public static final double TARGET = 0.6;
    public static final int INTERVAL = 4;
    static final double ADA_KIMG = 100;

    private final int batchSize;
    private float p;
    private float signSum;
    private int observed;
    private float lastR = Float.NaN;

    public AdaptiveAugment(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Adds one discriminator step's mean sign of D on real images; adjusts p at the end of each interval. */
    public void observe(float meanSign) {
        signSum += meanSign;
        observed++;
        if (observed == INTERVAL) {
            float r = signSum / observed;
            double delta = Math.signum(r - TARGET) * batchSize * INTERVAL / (ADA_KIMG * 1000);
            p = (float) Math.max(0, Math.min(1, p + delta));
            lastR = r;
            signSum = 0;
            observed = 0;
        }
    }

    public float p() {
        return p;
    }

    /** r of the last finished interval, NaN before the first. */
    public float r() {
        return lastR;
    }

    /** p, the running sum, its count and the last r: everything a resumed run needs to continue exactly. */
    public float[] export() {
        return new float[] {p, signSum, observed, lastR};
    }

    public void restore(float[] s) {
        p = s[0];
        signSum = s[1];
        observed = (int) s[2];
        lastR = s[3];
    }
}
