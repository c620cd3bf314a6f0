package io.ganstudio.cli;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.core.engine.EngineSetup;
import picocli.CommandLine.Option;

/** --engine: which of DJL's engines a command runs on. */
final class EngineOption {

    @Option(names = "--engine", paramLabel = "mxnet|pytorch|auto", description = "The engine that runs the "
            + "networks: mxnet, pytorch, or auto (MXNet on x86-64 processors, PyTorch elsewhere, such as Apple "
            + "Silicon). Weights trained on one give the same images on the other. Default: auto.")
    String engine;

    /** Whether --engine was given. */
    boolean given() {
        return engine != null;
    }

    /** The choice given, else {@code fallback}. */
    EngineChoice choice(EngineChoice fallback) {
        if (engine == null) {
            return fallback;
        }
        try {
            return EngineChoice.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--engine: " + e.getMessage());
        }
    }

    /** Loads the engine given (else {@code fallback}) for this process. */
    EngineReport start(EngineChoice fallback) {
        EngineChoice c = choice(fallback);
        try {
            return EngineSetup.init(c);
        } catch (IllegalStateException e) {
            throw new UsageError("--engine " + c.id() + ": " + e.getMessage());
        }
    }
}
