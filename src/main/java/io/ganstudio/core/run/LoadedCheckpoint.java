package io.ganstudio.core.run;

import io.ganstudio.core.train.TrainerState;

import java.nio.file.Path;
import java.util.List;

/**
 * A checkpoint that was read and verified.
 *
 * @param file         where it came from
 * @param config       the run's configuration as it was when the checkpoint was written
 * @param state        the trainer's state; for a generator-only read, only the "g." weights and no optimizer moments
 * @param skippedNewer newer checkpoints that were skipped because they failed verification, each with the reason
 */
public record LoadedCheckpoint(Path file, GanConfig config, TrainerState state, List<String> skippedNewer) {

    public LoadedCheckpoint {
        skippedNewer = List.copyOf(skippedNewer);
    }

    public long step() {
        return state.step();
    }
}
