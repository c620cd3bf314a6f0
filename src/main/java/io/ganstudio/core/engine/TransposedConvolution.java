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
 * and its in/out axes swapped. Autograd differentiates through every step of that. The usual upsampling layer
 * (kernel 4, stride 2, padding 1) takes a shorter way to the same sums: each of the four output phases (even or odd
 * row, even or odd column) is a 2x2 correlation of the input with taps picked from the kernel, so one stride-1 3x3
 * convolution with four times the output channels (each phase's taps, zeros elsewhere), followed by interleaving
 * the phases, computes it with 36 instead of 64 multiply-adds per input pixel, filter and channel (measured below).
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
        if (kernel == 4 && stride == 2 && padding == 1) {
            return byPhases(x, weight, bias);
        }
        return byZeros(x, weight, bias);
    }

    /** The general way: zeros inserted, then a convolution (package-private for the check of the short way). */
    NDArray byZeros(NDArray x, NDArray weight, NDArray bias) {
        NDArray spread = stride == 1 ? x : insertZeros(insertZeros(x, 3), 2);
        NDArray flipped = weight.flip(2, 3).transpose(1, 0, 2, 3);
        int pad = kernel - 1 - padding;
        return Conv2d.conv2d(spread, flipped, bias, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1))
                .singletonOrThrow();
    }

    /**
     * Along one axis, output {@code 2m} sums {@code x[m] w[1] + x[m-1] w[3]} and output {@code 2m+1} sums
     * {@code x[m+1] w[0] + x[m] w[2]}: over the window {@code x[m-1..m+1]} the taps {@code (w3, w1, 0)} and
     * {@code (0, w2, w0)}, rows of these two 3x4 matrices.
     */
    private static final float[][] PHASE_TAPS = {
        {0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0},
        {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0}};

    static NDArray byPhases(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        long filters = weight.getShape().get(1);
        NDArray[] taps = new NDArray[2];
        for (int r = 0; r < 2; r++) {
            taps[r] = x.getManager().create(PHASE_TAPS[r], new Shape(3, 4));
        }
        NDList phases = new NDList(4);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                // (in, out, 3, 3): rows from phase r's taps, columns from phase c's.
                phases.add(taps[r].matMul(weight).matMul(taps[c].transpose()));
            }
        }
        NDArray kernel = NDArrays.concat(phases, 1).transpose(1, 0, 2, 3);
        NDArray biases = bias == null ? null : NDArrays.concat(new NDList(bias, bias, bias, bias));
        NDArray z = Conv2d.conv2d(x, kernel, biases, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
                .singletonOrThrow();
        // (n, phase row, phase column, filter, h, w) -> (n, filter, h, phase row, w, phase column)
        return z.reshape(n, 2, 2, filters, h, w).transpose(0, 3, 4, 1, 5, 2).reshape(n, filters, 2 * h, 2 * w);
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
        long[] dims = s.getShape().clone(); // getShape() hands out the shape's own array
        dims[axis] = n * stride;
        NDArray spread = stacked.reshape(new Shape(dims));
        long keep = (n - 1) * stride + 1;
        return axis == 3 ? spread.get(":, :, :, 0:" + keep) : spread.get(":, :, 0:" + keep + ", :");
    }
}
