package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;

/**
 * Operations that DJL implements on MXNet but not on PyTorch, done there with the ones it has: reductions over
 * several axes at once ("Only 1 axis is support!"), batched matrix products ("Not implemented") and matrix
 * products by {@code dot} (vectors only there). On MXNet they
 * stay MXNet's own operators, so results there do not change.
 */
public final class PortableOps {

    private PortableOps() {
    }

    /**
     * A view of {@code array} (no copy; autograd passes through it) that belongs to {@code manager}, so that what is
     * computed from it joins {@code manager} too instead of {@code array}'s own, longer-lived manager.
     */
    public static NDArray viewIn(NDArray array, NDManager manager) {
        NDArray view = array.reshape(array.getShape());
        view.attach(manager);
        return view;
    }

    /** Matrix product of two 2-D arrays (DJL's PyTorch {@code dot} takes only vectors). */
    public static NDArray dot(NDArray x, NDArray y) {
        return Autograd.gradientsAccumulate() ? x.matMul(y) : x.dot(y);
    }

    /** Batched matrix product of {@code (n, a, b)} and {@code (n, b, c)} arrays: {@code (n, a, c)}. */
    public static NDArray batchDot(NDArray x, NDArray y) {
        return Autograd.gradientsAccumulate() ? x.matMul(y) : x.batchDot(y);
    }

    /**
     * The mean over {@code axes}: MXNet's own operator; on PyTorch one axis at a time, from the last (a mean of
     * equal-sized means is the mean).
     */
    public static NDArray mean(NDArray x, boolean keepDims, int... axes) {
        if (!Autograd.gradientsAccumulate() || axes.length == 1) {
            return x.mean(axes, keepDims);
        }
        int[] sorted = axes.clone();
        Arrays.sort(sorted);
        NDArray out = x;
        for (int i = sorted.length - 1; i >= 0; i--) {
            out = out.mean(new int[] {sorted[i]}, true);
        }
        return keepDims ? out : out.squeeze(sorted);
    }
}
