package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

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

    /**
     * Output channels a convolution computes on PyTorch when autograd records it: a multiple of this many. PyTorch
     * 2.7.1's oneDNN gives a wrong gradient for the input of a convolution whose output channels are not a multiple
     * of its vector width (16 floats with AVX-512, 8 with AVX2): measured on an AMD EPYC with AVX-512, a
     * one-channel output's input gradient differed from the exact one by as much as the gradient itself; weights'
     * gradients and outputs were right. (The NaN gradients the same kernels gave at a network's first steps are
     * another fault, which this does not cure: see {@link EngineSetup}.) MXNet's oneDNN computes these correctly.
     */
    static final int PYTORCH_CHANNEL_BLOCK = 16;

    /**
     * DJL's 2-D convolution ({@code weight} {@code (out, in, k, k)}), with the right input gradient on both engines.
     * On PyTorch, while autograd records {@code x}, a weight whose output channels are not a multiple of
     * {@link #PYTORCH_CHANNEL_BLOCK} is extended with zero filters and the extra output channels dropped: the same
     * function, whose input gradient oneDNN computes correctly. The zero filters receive gradients that go nowhere.
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding,
                                 Shape dilation) {
        long out = weight.getShape().get(0);
        long block = PYTORCH_CHANNEL_BLOCK;
        long padded = (out + block - 1) / block * block;
        if (!Autograd.gradientsAccumulate() || padded == out || !x.hasGradient()) {
            return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, stride, padding, dilation)
                    .singletonOrThrow();
        }
        NDManager m = x.getManager();
        Shape ws = weight.getShape();
        NDArray w = NDArrays.concat(new NDList(viewIn(weight, m),
                m.zeros(new Shape(padded - out, ws.get(1), ws.get(2), ws.get(3)), weight.getDataType())), 0);
        NDArray b = bias == null ? null : NDArrays.concat(new NDList(viewIn(bias, m),
                m.zeros(new Shape(padded - out), bias.getDataType())), 0);
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, stride, padding, dilation).singletonOrThrow()
                .get(":, 0:" + out);
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
