package io.ganstudio.session;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Child process for {@link SigtermTest}: trains with a plain {@link TrainingSession} (no CLI, as the studio does)
 * and prints "running" after the first metrics; the parent then sends SIGTERM.
 */
public final class SessionUnderSigterm {

    private SessionUnderSigterm() {
    }

    public static void main(String[] args) throws Exception {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, 4, 11, 1_000_000, 1000, 100_000, 2, 4);
        GanConfig c = new GanConfig(DataSpec.folder(args[0]), new ModelConfig(16, 3, 8, 4, 4,
                Normalization.BATCH_NORM), t);
        boolean[] said = {false};
        TrainingSession s = TrainingSession.newRun(c, Path.of(args[1]), null, e -> {
            if (e instanceof SessionEvent.Metrics && !said[0]) {
                said[0] = true;
                System.out.println("running");
                System.out.flush();
            }
        });
        s.start();
        s.awaitEnd(10, TimeUnit.MINUTES);
    }
}
