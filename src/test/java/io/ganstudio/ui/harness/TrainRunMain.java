package io.ganstudio.ui.harness;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Trains a small run without a window, to have something to explore: {@code DIR size width batch steps every}. */
public final class TrainRunMain {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        GanConfig config = Configs.builtIn(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]),
                Long.parseLong(a[4]), Integer.parseInt(a[5]));
        try (TrainingSession s = TrainingSession.newRun(config, Path.of(a[0]), null, e -> {
            if (e instanceof SessionEvent.Failed f) {
                System.err.println(f);
            } else if (e instanceof SessionEvent.Finished f) {
                System.out.println("finished " + f);
            }
        })) {
            s.start();
            s.awaitEnd(1, TimeUnit.HOURS);
        }
    }
}
