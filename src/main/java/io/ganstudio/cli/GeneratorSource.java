package io.ganstudio.cli;

import io.ganstudio.core.run.LoadedCheckpoint;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** --run or --checkpoint (exactly one): which trained generator generate and interpolate use. */
final class GeneratorSource {

    @Option(names = "--run", paramLabel = "RUN", required = true,
            description = "Run folder; its newest checkpoint is used.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FILE", required = true,
            description = "A checkpoint file (from a run's checkpoints/ folder).")
    Path checkpoint;

    /** The generator's checkpoint; warnings (a damaged newer checkpoint skipped) go to {@code err}. */
    LoadedCheckpoint load(PrintWriter err) throws IOException {
        return checkpoint != null ? RunFolders.generatorOf(checkpoint) : RunFolders.latestGenerator(run, err);
    }
}
