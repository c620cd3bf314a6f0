package io.ganstudio.cli;

import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.core.engine.EngineSetup;
import picocli.CommandLine.Option;

/** --engine and --device: which of DJL's engines a command runs on, and where that engine computes. */
final class EngineOption {

    @Option(names = "--engine", paramLabel = "mxnet|pytorch|auto", description = "The engine that runs the "
            + "networks: mxnet, pytorch, or auto (MXNet on x86-64 processors, PyTorch elsewhere, such as Apple "
            + "Silicon). Weights trained on one give the same images on the other. Default: auto (train --resume: the "
            + "run's own).")
    String engine;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", description = "Where the engine computes: cpu, gpu "
            + "(needs a CUDA build of the engine's native library, see docs/design.md), or auto (the GPU when the "
            + "engine reports one, else the CPU). Default: cpu (train --resume: the run's "
            + "own).")
    String device;

    /** Whether --device was given. */
    boolean deviceGiven() {
        return device != null;
    }

    /** The choice given, else the one the system property {@value EngineChoice#PROPERTY} names, else {@code fallback}. */
    EngineChoice choice(EngineChoice fallback) {
        String text = engine != null ? engine : System.getProperty(EngineChoice.PROPERTY);
        if (text == null) {
            return fallback;
        }
        try {
            return EngineChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--engine: " + e.getMessage());
        }
    }

    /** The device given, else the one the system property {@value DeviceChoice#PROPERTY} names, else {@code fallback}. */
    DeviceChoice deviceChoice(DeviceChoice fallback) {
        String text = device != null ? device : System.getProperty(DeviceChoice.PROPERTY);
        if (text == null) {
            return fallback;
        }
        try {
            return DeviceChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--device: " + e.getMessage());
        }
    }

    /** Loads the engine given (else {@code fallback}) for this process, on the device given (else the CPU). */
    EngineReport start(EngineChoice fallback) {
        return start(fallback, DeviceChoice.CPU);
    }

    /** Loads the engine given (else {@code fallback}) for this process, on the device given (else {@code onDevice}). */
    EngineReport start(EngineChoice fallback, DeviceChoice onDevice) {
        EngineChoice c = choice(fallback);
        DeviceChoice d = deviceChoice(onDevice);
        EngineReport report;
        try {
            report = EngineSetup.init(c);
        } catch (IllegalStateException e) {
            throw new UsageError("--engine " + c.id() + ": " + e.getMessage());
        }
        try {
            EngineSetup.useDevice(d);
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        return report;
    }
}
