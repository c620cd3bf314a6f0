package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.ganstudio.core.engine.Autograd;

/**
 * A 2-D convolution whose weight is divided by its largest singular value (spectral normalisation, Miyato et al.
 * 2018), estimated by power iteration: the vector {@code u} is a parameter that is not trained but saved with the
 * weights, so a resumed run continues with the same estimate. One iteration per discriminator step: the trainer
 * arms the block with {@link #armPowerIteration()}, and the next training forward pass refines {@code u} once
 * (outside autograd: sigma's gradient flows through the weight only, as in the paper). Needs first-order gradients
 * only, which MXNet has.
 */
public final class SpectralConv2d extends AbstractBlock {

    private static final float EPS = 1e-12f;

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter u;
    private final Parameter bias; // null when batch norm follows (its shift makes a bias redundant)
    private boolean armed;

    public SpectralConv2d(int filters, int kernel, int stride, int padding) {
        this(filters, kernel, stride, padding, false);
    }

    public SpectralConv2d(int filters, int kernel, int stride, int padding, boolean withBias) {
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        u = addParameter(Parameter.builder().setName("spectralU").setType(Parameter.Type.OTHER)
                .optInitializer(new NormalInitializer(1f)).optRequiresGrad(false).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
    }

    /** The next training forward pass runs one power iteration. */
    public void armPowerIteration() {
        armed = true;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray uArray = u.getArray();
        boolean iterate = training && armed;
        if (training) {
            armed = false;
        }
        // Operators on a parameter put their results in the parameter's manager: every temporary is moved to the
        // batch's manager, or each step would leak it.
        NDArray[] uv = Autograd.unrecorded(() -> {
            NDArray w2 = local(w.reshape(filters, -1), m);
            NDArray uNow = local(uArray.reshape(-1, 1), m);
            if (iterate) {
                NDArray v = normalize(local(w2.transpose(), m).matMul(uNow));
                uNow = normalize(w2.matMul(v));
                uNow.reshape(-1).copyTo(uArray);
            }
            return new NDArray[] {uNow, normalize(local(w2.transpose(), m).matMul(uNow))};
        });
        NDArray sigma = uv[0].mul(local(w.reshape(filters, -1), m).matMul(uv[1])).sum();
        NDArray normalized = local(w.div(sigma), m);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        return Conv2d.conv2d(x, normalized, b, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), 1);
    }

    private static NDArray local(NDArray a, NDManager m) {
        a.attach(m);
        return a;
    }

    private static NDArray normalize(NDArray a) {
        return a.div(a.norm().add(EPS));
    }

    @Override
    protected void prepare(Shape[] inputs) {
        weight.setShape(new Shape(filters, inputs[0].get(1), kernel, kernel));
        u.setShape(new Shape(filters));
        if (bias != null) {
            bias.setShape(new Shape(filters));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
