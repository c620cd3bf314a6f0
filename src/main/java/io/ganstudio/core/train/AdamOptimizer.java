package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.ganstudio.core.engine.Autograd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam whose state (first and second moments, step count) belongs to the project, so a checkpoint can save it and a
 * resumed run continues exactly. DJL's Adam keeps its state privately. On MXNet the update itself is MXNet's fused
 * {@code adam_update} operator, in place, with bias correction folded into the learning rate as DJL does. On PyTorch
 * it is DJL's native update with the same formula, in place; there the gradients add up over backward passes, so
 * {@link #clearGradients()} runs before each backward pass whose gradients an update reads.
 *
 * <p>Using our own update path also avoids DJL's {@code Trainer.step()} gradient check, which failed on MXNet for
 * 1-channel models ("could not create a primitive descriptor for a reorder primitive").
 */
public final class AdamOptimizer implements AutoCloseable {

    private static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final NDManager manager;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private long step;

    public AdamOptimizer(NDManager parent, PairList<String, Parameter> parameters, float learningRate, float beta1,
                         float beta2) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.manager = parent.newSubManager();
        for (Pair<String, Parameter> p : parameters) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) {
                continue;
            }
            NDArray w = param.getArray();
            // MXNet: fetch the gradient buffer once (every getGradient() call creates a new handle). PyTorch makes
            // the gradient on the first backward pass, so it is fetched at each update.
            NDArray g = null;
            if (Autograd.fusedAdam()) {
                g = w.getGradient();
                g.attach(manager);
            }
            slots.put(p.getKey(), new Slot(w, g, manager.zeros(w.getShape()), manager.zeros(w.getShape())));
        }
    }

    /** Applies one update to every parameter from the gradients of the last backward pass. */
    public void update() {
        step++;
        double c1 = 1.0 - Math.pow(beta1, step);
        double c2 = 1.0 - Math.pow(beta2, step);
        float lrCorrected = (float) (learningRate * Math.sqrt(c2) / c1);
        for (Slot s : slots.values()) {
            if (Autograd.fusedAdam()) {
                s.weight.getNDArrayInternal().adamUpdate(new NDList(s.weight, s.grad, s.mean, s.variance),
                        new NDList(s.weight, s.mean, s.variance), learningRate, lrCorrected, 0f, 1f, -1f, beta1,
                        beta2, EPSILON, false, false);
                continue;
            }
            // PyTorch: DJL's native update, the same formula in one call (m = b1 m + (1 - b1) g,
            // v = b2 v + (1 - b2) g^2, w -= lr' m / (sqrt(v) + eps)), in place, on the gradient of
            // this step's backward pass; it takes the weight alone as its output and then sets the gradient to zero,
            // so the next backward pass starts from zero, as it does on MXNet.
            try (NDArray g = s.weight.getGradient()) {
                s.weight.getNDArrayInternal().adamUpdate(new NDList(s.weight, g, s.mean, s.variance),
                        new NDList(s.weight), learningRate, lrCorrected, 0f, 1f, -1f, beta1, beta2, EPSILON, false,
                        false);
            }
        }
    }

    /**
     * Sets every parameter's gradient to zero where backward passes add to it (PyTorch); call it before the backward
     * pass whose gradients {@link #update()} will read. Nothing to do on MXNet, whose backward pass replaces them.
     */
    public void clearGradients() {
        if (!Autograd.gradientsAccumulate()) {
            return;
        }
        for (Slot s : slots.values()) {
            Autograd.clearGradient(s.weight);
        }
    }

    /** Waits until the queued updates have been applied to every parameter. */
    public void awaitUpdated() {
        for (Slot s : slots.values()) {
            Autograd.awaitReadable(s.weight);
        }
    }

    public long step() {
        return step;
    }

    /** Moments by parameter name: "name.m" and "name.v". */
    public Map<String, float[]> exportState() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            out.put(e.getKey() + ".m", e.getValue().mean.toFloatArray());
            out.put(e.getKey() + ".v", e.getValue().variance.toFloatArray());
        }
        return out;
    }

    public void importState(long step, Map<String, float[]> state) {
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            float[] m = state.get(e.getKey() + ".m");
            float[] v = state.get(e.getKey() + ".v");
            if (m == null || v == null) {
                throw new IllegalArgumentException("optimizer state has no moments for " + e.getKey());
            }
            e.getValue().mean.set(m);
            e.getValue().variance.set(v);
        }
        this.step = step;
    }

    @Override
    public void close() {
        manager.close();
    }

    private record Slot(NDArray weight, NDArray grad, NDArray mean, NDArray variance) {
    }
}
