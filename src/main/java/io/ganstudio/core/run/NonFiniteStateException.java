package io.ganstudio.core.run;

import java.io.IOException;

/**
 * Refuses to write a checkpoint whose weights or optimizer moments hold NaN or infinity: resuming from it would only
 * replay the divergence, and it would push the last good checkpoint out of the kept ones.
 */
public final class NonFiniteStateException extends IOException {

    private final long step;
    private final String array;

    public NonFiniteStateException(long step, String array) {
        super("the state at step " + step + " is not finite (" + array + " holds NaN or infinity): no checkpoint "
                + "was written");
        this.step = step;
        this.array = array;
    }

    public long step() {
        return step;
    }

    /** The first array found with a non-finite value, e.g. "weights g.01Conv2d_weight". */
    public String array() {
        return array;
    }
}
