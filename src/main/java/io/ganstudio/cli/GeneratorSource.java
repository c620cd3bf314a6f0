package io.ganstudio.cli;

import io.ganstudio.core.train.LoadedCheckpoint;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** --run or --checkpoint (exactly one): which trained generator generate and interpolate use. */
final class GeneratorSource {

    @Option(names = "--run", paramLabel = "RUN", required = true,
            description = "Run folder; its newest checkpoint is used.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FILE", required = true,
            description = "A checkpoint file (from a run's checkpoints/ folder).")
    Path checkpoint;

    LoadedCheckpoint load() throws IOException {
        return checkpoint != null ? RunFolders.checkpoint(checkpoint) : RunFolders.latestCheckpoint(run);
    }
}
