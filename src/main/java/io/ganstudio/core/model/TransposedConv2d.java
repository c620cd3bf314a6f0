package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.engine.TransposedConvolution;

/**
 * Transposed 2-D convolution that is correct for any channel counts on MXNet, and computes the same on PyTorch (see
 * {@link TransposedConvolution}), so that weights trained on either engine run on the other.
 *
 * <p>DJL's {@code Conv2dTranspose} shapes its weight {@code (filters, in, k, k)} while MXNet's deconvolution wants
 * {@code (in, filters, k, k)} and reads num_filter from its own argument, so DJL's block fails whenever input and
 * output channels differ. This block shapes the weight the MXNet way and calls the operator directly.
 *
 * <p>MXNet's oneDNN deconvolution also fails in backward ("could not create a primitive descriptor for a reorder
 * primitive") when it has a single output filter, which every grayscale generator's last layer has. For one filter
 * the block holds a second filter and keeps only the first output channel: the same function and gradients (the
 * second filter's gradient is always zero, so it never changes). Building the padded weight on the fly with concat
 * crashed MXNet under autograd, so the padding lives in the parameter's shape.
 *
 * <p>As a <em>resize convolution</em> (Odena, Dumoulin and Olah 2016, "Deconvolution and checkerboard artifacts") the
 * block is nearest-neighbour 2x upsampling followed by a 3x3 convolution. Both are linear, so together they are a
 * stride-2 transposed convolution with a 4x4 kernel that is fixed by the trained 3x3 one: along each axis
 * {@code w4 = B k3} with {@code B = [[0,0,1],[0,1,1],[1,1,0],[1,0,0]]}. The block trains the 3x3 kernel and runs
 * the usual deconvolution with the 4x4 kernel {@code B k3 B^T}, as fast as a plain transposed convolution (an
 * explicit upsampling, then a 3x3 convolution at the larger size, measured 2.2-2.9x the time per layer). Every
 * output phase then sums the same kernel weights, so a flat input gives a flat output: no checkerboard from uneven
 * overlap.
 *
 * <p>MXNet's oneDNN deconvolution crashes the JVM in backward when its weight is computed under autograd (any
 * operator, even {@code w * 1}; measured). So while autograd records, the 4x4 kernel is computed unrecorded into an
 * array of its own that autograd treats as a leaf, and {@link #passGradient()} hands its gradient on to the 3x3
 * kernel after the backward pass, by the chain rule: {@code dk3 = B^T dw4 B}.
 */
public final class TransposedConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean resize;
    private final Parameter weight;
    private final Parameter bias; // null: no bias
    private final TransposedConvolution op;
    // Resize convolution only: the 4x4 kernel of the last forward autograd recorded (a leaf); one thread uses a block.
    private NDArray recordedKernel;

    public TransposedConv2d(int filters, int kernel, int stride, int padding) {
        this(filters, kernel, stride, padding, false);
    }

    /** @param withBias a bias per output channel (needed when no batch norm follows) */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, boolean withBias) {
        this(filters, kernel, stride, padding, withBias, false);
    }

    /**
     * @param resize a resize convolution (nearest 2x upsampling, then a 3x3 convolution); only with kernel 4,
     *               stride 2, padding 1, the shape it is exactly equal to
     */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, boolean withBias, boolean resize) {
        if (resize && (kernel != 4 || stride != 2 || padding != 1)) {
            throw new IllegalArgumentException("a resize convolution is kernel 4, stride 2, padding 1; got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        this.resize = resize;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
        op = new TransposedConvolution(kernel, stride, padding, Math.max(2, filters), withBias);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        if (resize) {
            // Where autograd can differentiate through the expansion (PyTorch), it does; MXNet needs the leaf.
            w = Autograd.isRecording() && !Autograd.gradientsAccumulate() ? recordKernel(w) : expand(w, x.getManager());
        }
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        NDArray y = op.forward(x, w, b);
        return new NDList(filters == 1 ? y.get(":, 0:1") : y);
    }

    /** B, row-major: the 4 taps of the transposed convolution along one axis from the 3 of the 3x3 convolution. */
    private static final float[] UPSAMPLE_THEN_3X3 = {0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0};

    /**
     * The same expansion as one matrix over the 9 taps: column {@code 4a + c} of row {@code 3j + l} is
     * {@code B[a][j] B[c][l]}, so {@code k3} as {@code (in * out, 9)} times it is {@code B k3 B^T} as
     * {@code (in * out, 16)}.
     */
    private static final float[] UPSAMPLE_THEN_3X3_TAPS = expansionByTaps();

    private static float[] expansionByTaps() {
        float[] m = new float[9 * 16];
        for (int j = 0; j < 3; j++) {
            for (int l = 0; l < 3; l++) {
                for (int a = 0; a < 4; a++) {
                    for (int c = 0; c < 4; c++) {
                        m[(3 * j + l) * 16 + 4 * a + c] = UPSAMPLE_THEN_3X3[3 * a + j] * UPSAMPLE_THEN_3X3[3 * c + l];
                    }
                }
            }
        }
        return m;
    }

    /**
     * The 4x4 transposed-convolution kernel {@code B k3 B^T}, in {@code into}. MXNet: two batched products, as
     * trained so far (its runs stay bit for bit the same). PyTorch: one product of {@code (in * out, 9)} and
     * {@code (9, 16)}, where its batched products of 131,072 small matrices took tens of milliseconds per call.
     */
    private static NDArray expand(NDArray k3, NDManager into) {
        if (Autograd.gradientsAccumulate()) {
            Shape s = k3.getShape();
            NDArray taps = PortableOps.create(into, UPSAMPLE_THEN_3X3_TAPS, new Shape(9, 16));
            // From a view in into: the products then belong to into, not to the weight's lifelong manager.
            return PortableOps.viewIn(k3, into).reshape(s.get(0) * s.get(1), 9).matMul(taps)
                    .reshape(s.get(0), s.get(1), 4, 4);
        }
        NDArray b = PortableOps.create(into, UPSAMPLE_THEN_3X3, new Shape(4, 3));
        return b.matMul(k3).matMul(b.transpose());
    }

    private NDArray recordKernel(NDArray k3) {
        NDArray leaf;
        try (NDManager scratch = k3.getManager().newSubManager()) {
            leaf = Autograd.unrecorded(() -> expand(k3, scratch));
            leaf.attach(k3.getManager());
        }
        leaf.setRequiresGradient(true);
        if (recordedKernel != null) {
            recordedKernel.close();
        }
        recordedKernel = leaf;
        return leaf;
    }

    /**
     * After a backward pass through a forward that autograd recorded: sets the trained 3x3 kernel's gradient from the
     * 4x4 kernel's ({@code dk3 = B^T dw4 B}). Does nothing for a plain transposed convolution, or before any
     * recorded forward.
     */
    public void passGradient() {
        if (recordedKernel == null) {
            return;
        }
        NDArray k3 = weight.getArray();
        try (NDManager scratch = k3.getManager().newSubManager()) {
            NDArray g4 = recordedKernel.getGradient();
            g4.attach(scratch);
            NDArray target = k3.getGradient();
            target.attach(scratch);
            NDArray b = PortableOps.create(scratch, UPSAMPLE_THEN_3X3, new Shape(4, 3));
            b.transpose().matMul(g4).matMul(b).copyTo(target);
        }
    }

    @Override
    protected void prepare(Shape[] inputs) {
        int k = resize ? 3 : kernel;
        weight.setShape(new Shape(inputs[0].get(1), Math.max(2, filters), k, k));
        if (bias != null) {
            bias.setShape(new Shape(Math.max(2, filters)));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        long h = (in.get(2) - 1) * stride - 2L * padding + kernel;
        long w = (in.get(3) - 1) * stride - 2L * padding + kernel;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }

    public int filters() {
        return filters;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    /** Whether this is a resize convolution (3x3 trained weights, see the class comment). */
    public boolean resize() {
        return resize;
    }
}
