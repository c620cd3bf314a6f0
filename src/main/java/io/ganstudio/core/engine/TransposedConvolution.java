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
 * and its in/out axes swapped. Autograd differentiates through every step of that. Two common shapes take shorter
 * ways to the same sums:
 * <ul>
 * <li>The usual upsampling layer (kernel 4, stride 2, padding 1): each of the four output phases (even or odd row,
 * even or odd column) is a 2x2 correlation of the input with taps picked from the kernel. One 2x2 convolution with
 * four times the output channels, on the input padded by 1, computes all four on an {@code (h + 1) x (w + 1)} grid;
 * each phase keeps its {@code h x w} window of it and the phases are interleaved. That is
 * {@code 16 (h + 1)(w + 1) / (h w)} multiply-adds per input pixel, filter and channel where the zeros-inserted way
 * does 64 and the exact count is 16 (25 at 4x4 inputs, 20.3 at 8x8, 18.1 at 16x16).</li>
 * <li>A 1x1 input without padding (the generator's first layer, latent vector to the first feature map): each output
 * pixel is one tap of the kernel times the input, a matrix product of {@code (batch, in)} and
 * {@code (in, out * k * k)}; the zeros-inserted way would convolve a {@code (2k - 1)}-wide padded input.</li>
 * </ul>
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
        // Every array made from the weights here belongs to the input's manager, which the caller frees after the
        // step: an operation's result joins its first operand's manager, which for the weights themselves lives as
        // long as the model (measured: a 3,000-step PyTorch run was killed for memory at step 768).
        weight = PortableOps.viewIn(weight, x.getManager());
        bias = bias == null ? null : PortableOps.viewIn(bias, x.getManager());
        if (kernel == 4 && stride == 2 && padding == 1) {
            return byPhases(x, weight, bias);
        }
        if (padding == 0 && x.getShape().get(2) == 1 && x.getShape().get(3) == 1) {
            return fromPixel(x, weight, bias);
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
     * Along one axis, output {@code 2m} sums {@code x[m - 1] w[3] + x[m] w[1]} and output {@code 2m + 1} sums
     * {@code x[m] w[2] + x[m + 1] w[0]}. With {@code xp} the input padded by 1 ({@code xp[p] = x[p - 1]}), a 2x2
     * correlation at {@code p} sums {@code xp[p] a0 + xp[p + 1] a1}: phase 0 is taps {@code (w3, w1)} at
     * {@code p = m}, phase 1 taps {@code (w2, w0)} at {@code p = m + 1}.
     */
    private static final int[][] PHASE_TAPS = {{3, 1}, {2, 0}};

    /**
     * A 16x16 permutation: column {@code 4 (2r + c) + 2a + b} takes kernel tap {@code (PHASE_TAPS[r][a],
     * PHASE_TAPS[c][b])}, so a kernel's 16 taps times it are the four phases' 2x2 kernels, phase-major. A matrix
     * product reorders the taps exactly (each sum is one tap times 1 plus zeros) and takes 3 ms for a 512x256 kernel,
     * where the same reordering by a 6-D transpose took 23 ms of CPU (measured, PyTorch 2.7.1).
     */
    private static final float[] PHASE_PERMUTATION = phasePermutation();

    private static float[] phasePermutation() {
        float[] p = new float[16 * 16];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        int tap = 4 * PHASE_TAPS[r][a] + PHASE_TAPS[c][b];
                        p[tap * 16 + 4 * (2 * r + c) + 2 * a + b] = 1f;
                    }
                }
            }
        }
        return p;
    }

    static NDArray byPhases(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        Shape ws = weight.getShape();
        long in = ws.get(0);
        long filters = ws.get(1);
        NDArray permutation = PortableOps.create(x.getManager(), PHASE_PERMUTATION, new Shape(16, 16));
        // (in, filters, phase, tap) -> (filters, phase, in, tap): the convolution's (out, in, 2, 2), out = 4 f + phase.
        NDArray kernel = weight.reshape(in * filters, 16).matMul(permutation).reshape(in, 4 * filters, 4)
                .transpose(1, 0, 2).reshape(4 * filters, in, 2, 2);
        NDArray z = Conv2d.conv2d(x, kernel, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
                .singletonOrThrow().reshape(n, filters, 2, 2, h + 1, w + 1);
        NDList rows = new NDList(2);
        for (int r = 0; r < 2; r++) {
            NDList columns = new NDList(2);
            for (int c = 0; c < 2; c++) {
                columns.add(z.get(":, :, " + r + ", " + c + ", " + r + ":" + (r + h) + ", " + c + ":" + (c + w)));
            }
            // (n, filters, h, w, column phase) read as (n, filters, h, 2w): each pixel, then its right neighbour.
            rows.add(NDArrays.stack(columns, 4).reshape(n, filters, h, 2 * w));
        }
        NDArray y = NDArrays.stack(rows, 3).reshape(n, filters, 2 * h, 2 * w);
        return bias == null ? y : y.add(bias.reshape(1, filters, 1, 1));
    }

    /**
     * A 1x1 input without padding: {@code y[n, o, i, j] = sum over c of x[n, c] w[c, o, i, j]} (package-private for
     * its check).
     */
    static NDArray fromPixel(NDArray x, NDArray weight, NDArray bias) {
        Shape ws = weight.getShape();
        long n = x.getShape().get(0);
        NDArray y = x.reshape(n, ws.get(0)).matMul(weight.reshape(ws.get(0), ws.size() / ws.get(0)))
                .reshape(n, ws.get(1), ws.get(2), ws.get(3));
        return bias == null ? y : y.add(bias.reshape(1, ws.get(1), 1, 1));
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
