package io.ganstudio.core.engine;

import ai.djl.mxnet.engine.MxGradientCollector;
import ai.djl.ndarray.NDArray;

/** Engine-specific autograd help that DJL's API does not offer. */
public final class Autograd {

    private Autograd() {
    }

    /**
     * A copy of {@code array} that autograd does not connect to its history. Unlike {@code stopGradient()}, which
     * MXNet records as an operator, a backward pass through the copy never reaches (and so never frees) the graph
     * that produced {@code array}: the trainer reuses the D step's generated batch for the G step that way.
     */
    public static NDArray detachedCopy(NDArray array) {
        boolean wasRecording = MxGradientCollector.setRecording(false);
        try {
            return array.duplicate();
        } finally {
            MxGradientCollector.setRecording(wasRecording);
        }
    }

    /** Waits until the engine has finished all queued work (for timing work that runs asynchronously). */
    public static void waitAll() {
        ai.djl.mxnet.jna.JnaUtils.waitAll();
    }

    /** Runs {@code work} with autograd recording paused: arrays it makes have no history and cost no graph. */
    public static <T> T unrecorded(java.util.function.Supplier<T> work) {
        boolean wasRecording = MxGradientCollector.setRecording(false);
        try {
            return work.get();
        } finally {
            MxGradientCollector.setRecording(wasRecording);
        }
    }
}
