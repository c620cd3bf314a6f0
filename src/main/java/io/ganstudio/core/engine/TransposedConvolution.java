package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.util.PairList;

/**
 * A 2-D transposed convolution ("deconvolution") with MXNet's weight layout {@code (in, out, k, k)}, the same
 * function on both engines, so that weights trained on one give the same images on the other.
 *
 * <p>MXNet: its {@code _npx_deconvolution} operator. PyTorch: DJL has no transposed convolution there, so it is
 * computed as what it equals: the input with {@code stride - 1} zeros inserted between neighbouring pixels, padded
 * by {@code kernel - 1 - padding} on each side, convolved at stride 1 with the kernel flipped in both spatial axes
 * and its in/out axes swapped. Autograd differentiates through every step of that.
 */
public final class TransposedConvolution {

    private final int kernel;
    private final int stride;
    private final int padding;
    private final PairList<String, Object> mxnetParams = new PairList<>();

    /**
     * @param heldFilters the output channels the weight holds (dimension 1 of {@code (in, out, k, k)})
     * @param withBias whether {@link #forward} gets a bias
     */
    public TransposedConvolution(int kernel, int stride, int padding, int heldFilters, boolean withBias) {
        if (kernel < 1 || stride < 1 || padding < 0 || padding > kernel - 1) {
            throw new IllegalArgumentException("a transposed convolution needs kernel >= 1, stride >= 1 and "
                    + "0 <= padding < kernel; got kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        mxnetParams.add("kernel", "(" + kernel + "," + kernel + ")");
        mxnetParams.add("stride", "(" + stride + "," + stride + ")");
        mxnetParams.add("pad", "(" + padding + "," + padding + ")");
        mxnetParams.add("num_filter", Integer.toString(heldFilters));
        mxnetParams.add("no_bias", withBias ? "False" : "True");
    }

    /**
     * @param x      {@code (batch, in, h, w)}
     * @param weight {@code (in, out, kernel, kernel)}
     * @param bias   {@code (out)}, or null when made without bias
     * @return {@code (batch, out, (h - 1) * stride - 2 * padding + kernel, the same for w)}
     */
    public NDArray forward(NDArray x, NDArray weight, NDArray bias) {
        if (!Autograd.gradientsAccumulate()) {
            NDList args = bias == null ? new NDList(x, weight) : new NDList(x, weight, bias);
            return x.getManager().invoke("_npx_deconvolution", args, mxnetParams).singletonOrThrow();
        }
        NDArray spread = stride == 1 ? x : insertZeros(insertZeros(x, 3), 2);
        NDArray flipped = weight.flip(2, 3).transpose(1, 0, 2, 3);
        int pad = kernel - 1 - padding;
        return Conv2d.conv2d(spread, flipped, bias, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1))
                .singletonOrThrow();
    }

    /** {@code stride - 1} zeros between neighbours along {@code axis} (2 or 3 of an NCHW array), none after the last. */
    private NDArray insertZeros(NDArray x, int axis) {
        Shape s = x.getShape();
        NDList parts = new NDList(stride);
        parts.add(x);
        NDArray zeros = x.zerosLike();
        for (int i = 1; i < stride; i++) {
            parts.add(zeros);
        }
        // Stacked after axis: (..., n, stride, ...) read as (..., n * stride, ...), i.e. each value then its zeros.
        NDArray stacked = NDArrays.stack(parts, axis + 1);
        long n = s.get(axis);
        long[] dims = s.getShape();
        dims[axis] = n * stride;
        NDArray spread = stacked.reshape(new Shape(dims));
        long keep = (n - 1) * stride + 1;
        return axis == 3 ? spread.get(":, :, :, 0:" + keep) : spread.get(":, :, 0:" + keep + ", :");
    }
}
