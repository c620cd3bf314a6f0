package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Transposed 2-D convolution that is correct for any channel counts on MXNet.
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
 */
public final class TransposedConv2d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias; // null: no bias
    private final PairList<String, Object> opParams = new PairList<>();

    public TransposedConv2d(int filters, int kernel, int stride, int padding) {
        this(filters, kernel, stride, padding, false);
    }

    /** @param withBias a bias per output channel (needed when no batch norm follows) */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, boolean withBias) {
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
        opParams.add("kernel", "(" + kernel + "," + kernel + ")");
        opParams.add("stride", "(" + stride + "," + stride + ")");
        opParams.add("pad", "(" + padding + "," + padding + ")");
        opParams.add("num_filter", Integer.toString(Math.max(2, filters)));
        opParams.add("no_bias", withBias ? "False" : "True");
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDList args = bias == null ? new NDList(x, w) : new NDList(x, w, store.getValue(bias, x.getDevice(), training));
        if (filters == 1) {
            NDArray y = x.getManager().invoke("_npx_deconvolution", args, opParams).singletonOrThrow();
            return new NDList(y.get(":, 0:1"));
        }
        return x.getManager().invoke("_npx_deconvolution", args, opParams);
    }

    @Override
    protected void prepare(Shape[] inputs) {
        weight.setShape(new Shape(inputs[0].get(1), Math.max(2, filters), kernel, kernel));
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
}
