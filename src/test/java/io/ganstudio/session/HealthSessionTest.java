package io.ganstudio.session;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.health.HealthCsv;
import io.ganstudio.core.health.HealthIssue;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health warnings end to end: the real trainer in a session on 512 built-in images at 16x16, 300 steps each
 * (about 10-20 s). A run whose generator barely learns (learning rate 1e-6, two D steps per G step) is flagged as
 * the discriminator overpowering it; the same run with the default settings raises nothing.
 */
class HealthSessionTest {

    private static GanConfig config(float lrG, float lrD, int dSteps) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, new TrainConfig.AdamSettings(lrG, 0.5f, 0.999f),
                new TrainConfig.AdamSettings(lrD, 0.5f, 0.999f), dSteps, 32, 1, 300, 100, 300, 1, 16, 0f,
                Augment.OFF);
        return new GanConfig(DataSpec.builtIn().withLimit(512), new ModelConfig(16, 1, 32, 16, 16,
                Normalization.BATCH_NORM), t);
    }

    private static List<HealthWarning> train(GanConfig config, Path dir) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(config, dir, null, events::add);
        s.setQualityEvery(0);
        s.start();
        assertTrue(s.awaitEnd(300, TimeUnit.SECONDS), "session did not end");
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.Finished), events.toString());
        return events.stream().filter(e -> e instanceof SessionEvent.Health)
                .map(e -> ((SessionEvent.Health) e).warning()).toList();
    }

    @Test
    void aDiscriminatorThatOverpowersIsFlaggedAndTheRunFolderKeepsIt(@TempDir Path runs) throws Exception {
        List<HealthWarning> w = train(config(1e-6f, 2e-4f, 2), runs.resolve("overpowered"));
        assertTrue(w.stream().anyMatch(x -> x.issue() == HealthIssue.D_OVERPOWERS && x.raised()), w.toString());
        List<HealthCsv.Row> rows = new HealthCsv(runs.resolve("overpowered")).read();
        assertEquals(w.size(), rows.size());
        assertEquals(w.get(0).step(), rows.get(0).step());
        assertTrue(rows.get(0).evidence().contains("D(G(z))"), rows.get(0).evidence());
    }

    @Test
    void aDefaultRunRaisesNoWarning(@TempDir Path runs) throws Exception {
        List<HealthWarning> w = train(config(2e-4f, 2e-4f, 1), runs.resolve("healthy"));
        assertEquals(List.of(), w);
    }
}
