package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's 2-D convolution block, computed by {@link PortableOps#conv2d} so that its input gradient is right on PyTorch
 * too. Its simple name is DJL's ({@code Conv2d}) on purpose: a sequential block names its parameters after it
 * ({@code 01Conv2d_weight}), so checkpoints written with DJL's block open unchanged. Build it from DJL's builder:
 * {@code new Conv2d(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(...)...)}.
 */
public final class Conv2d extends ai.djl.nn.convolutional.Conv2d {

    public Conv2d(ai.djl.nn.convolutional.Conv2d.Builder builder) {
        super(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? store.getValue(bias, x.getDevice(), training) : null;
        return new NDList(PortableOps.conv2d(x, w, b, stride, padding, dilation));
    }
}
