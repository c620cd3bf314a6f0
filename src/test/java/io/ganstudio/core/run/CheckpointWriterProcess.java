package io.ganstudio.core.run;

import io.ganstudio.core.random.Rng;
import io.ganstudio.core.train.TestStates;
import io.ganstudio.core.train.TrainerState;

import java.nio.file.Path;
import java.util.Map;

/** Child process for {@link CheckpointKillTest}: writes large checkpoints in a loop until it is killed. */
public final class CheckpointWriterProcess {

    private CheckpointWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long step = Long.parseLong(args[1]);
        float[] big = new float[500_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        while (true) {
            step++;
            big[0] = step;
            TrainerState s = new TrainerState(step, step, step, new Rng(step).state(), step, step,
                    Map.of("g.w", big), Map.of("g.w.m", big), Map.of());
            Checkpoints.write(dir, TestStates.tinyConfig(), s, 2);
        }
    }
}
