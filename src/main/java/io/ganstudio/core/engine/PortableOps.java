package io.ganstudio.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Operations that DJL implements on MXNet but not on PyTorch, done there with the ones it has: reductions over
 * several axes at once ("Only 1 axis is support!"), batched matrix products ("Not implemented") and matrix
 * products by {@code dot} (vectors only there). On MXNet they stay MXNet's own operators, so results there do not
 * change. Also the one way Java data and numbers enter the engines ({@link #create}, {@link #mul} and its
 * siblings): DJL's own ways read Java memory after the garbage collector may have freed it.
 */
public final class PortableOps {

    private PortableOps() {
    }

    /**
     * An array of {@code shape} holding a copy of the first {@code shape.size()} values of {@code data}, in the
     * engine's own memory. Use this instead of DJL's {@code NDManager.create}, which is unsafe on both engines when
     * the garbage collector runs at the wrong moment: on MXNet it copies from a temporary direct buffer that nothing
     * keeps reachable during the copy (measured: MXNet's copy crashed the JVM, SIGSEGV, when a collection freed the
     * buffer mid-copy); on PyTorch the array is the Java memory itself, which autograd and views read after the
     * array is closed and the memory collected (measured: NaN gradients and runs that did not repeat).
     */
    public static NDArray create(NDManager manager, float[] data, Shape shape) {
        int size = Math.toIntExact(shape.size());
        if (data.length < size) {
            throw new IllegalArgumentException(data.length + " values for an array of shape " + shape);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(data, 0, size);
        try {
            NDArray array = manager.create(buffer, shape, DataType.FLOAT32);
            if (!Autograd.gradientsAccumulate()) {
                return array;
            }
            try (array) {
                return array.duplicate();
            }
        } finally {
            Reference.reachabilityFence(buffer);
        }
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
     * {@code x} times a number. Use this (and {@link #div}, {@link #pow}, {@link #muli}) instead of DJL's operations
     * with a {@code Number}: DJL's PyTorch engine makes the number an array over Java memory that it closes as the
     * call returns, while autograd keeps that array for the backward pass of a product, quotient or power; once the
     * garbage collector has freed the memory, the backward pass reads whatever lies there. Measured with PyTorch
     * 2.7.1: with a thread collecting every 2 ms, {@code x.mul(3f)}'s gradient came out NaN in 20 of 20 tries, and
     * (with {@link #create}'s fault) a tiny training run differed from its repeat in 199 of 200 tries, often NaN;
     * without that thread, runs diverged or failed to repeat rarely, whenever a collection fell between a forward and
     * a backward pass. Here the number is an array in PyTorch's own memory, which autograd keeps alive; on MXNet,
     * which copies numbers into its own memory, the call stays MXNet's scalar operator.
     */
    public static NDArray mul(NDArray x, Number v) {
        return withNumber(x, v, NDArray::mul, NDArray::mul);
    }

    /** {@code x} divided by a number: see {@link #mul}. */
    public static NDArray div(NDArray x, Number v) {
        return withNumber(x, v, NDArray::div, NDArray::div);
    }

    /** {@code x} to the power of a number: see {@link #mul}. */
    public static NDArray pow(NDArray x, Number v) {
        return withNumber(x, v, NDArray::pow, NDArray::pow);
    }

    /** Multiplies {@code x} by a number in place and returns it: see {@link #mul}. */
    public static NDArray muli(NDArray x, Number v) {
        return withNumber(x, v, NDArray::muli, NDArray::muli);
    }

    /**
     * MXNet's scalar operator, or on PyTorch the array operator with the number as a 0-d array of {@code x}'s type
     * in PyTorch's own memory ({@code full}), which autograd keeps alive as long as it needs it.
     */
    private static NDArray withNumber(NDArray x, Number v, BiFunction<NDArray, Number, NDArray> scalarOperator,
                                      BiFunction<NDArray, NDArray, NDArray> arrayOperator) {
        if (!Autograd.gradientsAccumulate()) {
            return scalarOperator.apply(x, v);
        }
        try (NDArray number = x.getManager().full(new Shape(), v.floatValue(), x.getDataType())) {
            return arrayOperator.apply(x, number);
        }
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
