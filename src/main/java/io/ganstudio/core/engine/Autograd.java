package io.ganstudio.core.engine;

import ai.djl.engine.Engine;
import ai.djl.mxnet.engine.MxGradientCollector;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.mxnet.jna.MxnetLibrary;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Engine-specific autograd help that DJL's API does not offer, for MXNet and PyTorch. The engine is the one
 * {@link EngineSetup} loaded (before that, DJL's default engine).
 *
 * <p>The two differ where the training loop can see it: MXNet overwrites a parameter's gradient on every backward
 * pass, PyTorch adds to it, so on PyTorch {@link #clearGradient} must run before each backward pass whose
 * gradients an update reads ({@link #gradientsAccumulate()}); MXNet queues work and runs it later, PyTorch on the
 * CPU runs each operation at once.
 */
public final class Autograd {

    private static volatile Boolean pytorch;

    private Autograd() {
    }

    /** Set by {@link EngineSetup} when it loads the engine. */
    static void use(EngineChoice engine) {
        pytorch = engine.resolve() == EngineChoice.PYTORCH;
    }

    private static boolean pytorch() {
        Boolean p = pytorch;
        if (p == null) {
            p = EngineChoice.PYTORCH.djlName().equals(Engine.getInstance().getEngineName());
            pytorch = p;
        }
        return p;
    }

    /**
     * Whether backward passes add to the gradients already there (PyTorch) instead of replacing them (MXNet):
     * then {@link #clearGradient} must run before a backward pass whose gradients are used.
     */
    public static boolean gradientsAccumulate() {
        return pytorch();
    }

    /**
     * Whether the engine has a fused Adam update that keeps the gradient buffer fetched once valid across steps
     * (MXNet's {@code adam_update}); elsewhere an optimizer reads each step's gradient anew.
     */
    public static boolean fusedAdam() {
        return !pytorch();
    }

    /**
     * Call first on a thread that runs engine work: autograd then records only inside a gradient collector, as on
     * MXNet. PyTorch's recording switch is per thread and on by default; DJL turns it off only on the thread that
     * loaded the engine. Loads the engine if nothing has yet.
     */
    public static void beginEngineThread() {
        EngineSetup.init();
        if (pytorch()) {
            JniUtils.setGradMode(false);
        }
    }

    /**
     * Like {@link #beginEngineThread()} for a pooled thread that may run engine work, without loading the engine:
     * once one is loaded, autograd on this thread records only inside a gradient collector (on PyTorch, where the
     * switch is per thread, a forward pass elsewhere would otherwise keep its graph alive with its results).
     */
    public static void followCollectorsOnThisThread() {
        if (EngineSetup.engine() != null && pytorch()) {
            JniUtils.setGradMode(false);
        }
    }

    /** Sets the gradient of {@code weight} to zero where gradients accumulate; nothing on MXNet, which overwrites. */
    public static void clearGradient(NDArray weight) {
        if (pytorch()) {
            JniUtils.zeroGrad((PtNDArray) weight);
        }
    }

    /**
     * A copy of {@code array} that autograd does not connect to its history. Unlike {@code stopGradient()}, which
     * MXNet records as an operator, a backward pass through the copy never reaches (and so never frees) the graph
     * that produced {@code array}: the trainer reuses the D step's generated batch for the G step that way.
     */
    public static NDArray detachedCopy(NDArray array) {
        if (pytorch()) {
            return unrecorded(array::duplicate);
        }
        boolean wasRecording = MxGradientCollector.setRecording(false);
        try {
            return array.duplicate();
        } finally {
            MxGradientCollector.setRecording(wasRecording);
        }
    }

    /** Waits until the engine has finished all queued work (for timing work that runs asynchronously). */
    public static void waitAll() {
        if (pytorch()) {
            return; // on the CPU each operation has finished when it returns
        }
        JnaUtils.waitAll();
    }

    /** Waits until the work queued to write {@code array} is done (and no other array's). */
    public static void awaitReadable(NDArray array) {
        if (pytorch()) {
            return;
        }
        ((MxNDArray) array).waitToRead();
    }

    /** Whether autograd records on this thread now (inside a gradient collector). */
    public static boolean isRecording() {
        if (pytorch()) {
            return JniUtils.isGradMode();
        }
        return MxGradientCollector.isRecording();
    }

    /** Runs {@code work} with autograd recording paused: arrays it makes have no history and cost no graph. */
    public static <T> T unrecorded(Supplier<T> work) {
        if (pytorch()) {
            boolean wasRecording = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                return work.get();
            } finally {
                JniUtils.setGradMode(wasRecording);
            }
        }
        boolean wasRecording = MxGradientCollector.setRecording(false);
        try {
            return work.get();
        } finally {
            MxGradientCollector.setRecording(wasRecording);
        }
    }

    /**
     * Records {@code forward} for autograd with MXNet's training flag off, then runs the backward pass of its
     * (scalar) result in the same mode: batch norm uses, and differentiates through, its running statistics. This is
     * how a frozen, trained network is used inside another network's training (the f-AnoGAN encoder through G and D):
     * DJL's GradientCollector records in training mode and its backward always runs in training mode, which would
     * make MXNet's batch norm differentiate as though batch statistics had been used. Blocks called in
     * {@code forward} must be called with {@code training = false}.
     *
     * <p>DJL's own call with a training flag ({@code JnaUtils.autogradBackwardExecute}) passes a head-gradient array
     * taken from a pool without clearing it, so the head gradient is whatever array was there last (measured: the
     * gradients came out multiplied by the loss). This calls MXNet's {@code MXAutogradBackwardEx} itself with an
     * explicit head gradient of one; a test checks the result against finite differences.
     *
     * @return the recorded result, already back-propagated
     */
    public static NDArray backwardInInferenceMode(Supplier<NDArray> forward) {
        if (pytorch()) {
            // PyTorch has no global training flag: blocks called with training = false use running statistics.
            boolean wasRecording = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                NDArray result = forward.get();
                try (NDArray one = result.onesLike()) {
                    JniUtils.backward((PtNDArray) result, (PtNDArray) one, false, false);
                }
                return result;
            } finally {
                JniUtils.setGradMode(wasRecording);
            }
        }
        boolean wasRecording = MxGradientCollector.setRecording(true);
        boolean wasTraining = MxGradientCollector.setTraining(false);
        try {
            NDArray result = forward.get();
            try (NDArray one = result.onesLike()) {
                backward(result, one);
            }
            return result;
        } finally {
            MxGradientCollector.setRecording(wasRecording);
            MxGradientCollector.setTraining(wasTraining);
        }
    }

    private static void backward(NDArray head, NDArray headGradient) {
        try {
            Object heads = Native.POINTER_ARRAY_OF.invoke(null, (Object) new Pointer[] {handle(head)});
            Object grads = Native.POINTER_ARRAY_OF.invoke(null, (Object) new Pointer[] {handle(headGradient)});
            // num_output 1, no variables (gradients go to the arrays' attached buffers), retain_graph 0,
            // create_graph 0, is_train 0.
            int rc = (int) Native.BACKWARD.invoke(Native.LIB, 1, heads, grads, 0, new PointerByReference(), 0, 0, 0,
                    new PointerByReference(), new PointerByReference());
            if (rc != 0) {
                throw new IllegalStateException("MXNet's backward pass failed: " + Native.LIB.MXGetLastError());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DJL version's MXNet binding is not the one GAN Studio knows", e);
        }
    }

    private static Pointer handle(NDArray a) {
        return ((MxNDArray) a).getHandle();
    }

    /** DJL's MXNet library binding, which DJL keeps private. */
    private static final class Native {
        static final MxnetLibrary LIB;
        static final Method POINTER_ARRAY_OF;
        static final Method BACKWARD;

        static {
            try {
                Field lib = JnaUtils.class.getDeclaredField("LIB");
                lib.setAccessible(true);
                LIB = (MxnetLibrary) lib.get(null);
                Class<?> pointerArray = Class.forName("ai.djl.mxnet.jna.PointerArray");
                POINTER_ARRAY_OF = pointerArray.getDeclaredMethod("of", Pointer[].class);
                POINTER_ARRAY_OF.setAccessible(true);
                BACKWARD = MxnetLibrary.class.getMethod("MXAutogradBackwardEx", int.class, pointerArray,
                        pointerArray, int.class, PointerByReference.class, int.class, int.class, int.class,
                        PointerByReference.class, PointerByReference.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
