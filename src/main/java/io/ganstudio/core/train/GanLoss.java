package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import io.ganstudio.core.engine.PortableOps;

/** The discriminator's and generator's losses on raw discriminator outputs (logits), for each {@link LossKind}. */
public final class GanLoss {

    private final LossKind kind;
    private final float realTarget;

    public GanLoss(LossKind kind, float labelSmoothing) {
        this.kind = kind;
        this.realTarget = 1f - labelSmoothing;
    }

    public NDArray discriminator(NDArray realLogits, NDArray fakeLogits) {
        return switch (kind) {
            case BCE -> bce(realLogits, realTarget).add(bce(fakeLogits, 0f));
            case LSGAN -> PortableOps.mul(
                    realLogits.sub(realTarget).square().mean().add(fakeLogits.square().mean()), 0.5f);
            case HINGE -> Activation.relu(realLogits.neg().add(1f)).mean()
                    .add(Activation.relu(fakeLogits.add(1f)).mean());
        };
    }

    public NDArray generator(NDArray fakeLogits) {
        return switch (kind) {
            case BCE -> bce(fakeLogits, 1f);
            case LSGAN -> PortableOps.mul(fakeLogits.sub(1f).square().mean(), 0.5f);
            case HINGE -> fakeLogits.mean().neg();
        };
    }

    /** What the charts show as D(x): a probability for BCE (sigmoid of the logit), the raw output otherwise. */
    public NDArray score(NDArray logits) {
        return kind == LossKind.BCE ? Activation.sigmoid(logits).mean() : logits.mean();
    }

    /** Binary cross-entropy on logits, numerically stable: max(x,0) - x*t + log(1 + exp(-|x|)). */
    static NDArray bce(NDArray logits, float target) {
        NDArray stable = logits.abs().neg().exp().add(1f).log();
        return Activation.relu(logits).sub(PortableOps.mul(logits, target)).add(stable).mean();
    }
}
