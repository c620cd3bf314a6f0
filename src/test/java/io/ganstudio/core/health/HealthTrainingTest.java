package io.ganstudio.core.health;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.quality.QualityProbe;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real trainer and quality probe feeding the monitor with the default thresholds except where said.
 * A tiny dataset trained for long is memorised: measured (seed 5), the share of near copies goes 0 (step 200), 0.08
 * (300), 0.39 (400), 0.51 (600), 0.72 (800), so the warning comes at about step 700 (about 20 s on a busy 2-core
 * machine). A run made to collapse (G's learning rate 25 times the default, D's a tenth) is flagged.
 */
@OnBothEngines
class HealthTrainingTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @Test
    void aTinyDatasetTrainedLongIsFlaggedAsMemorised() throws Exception {
        ImageDataset data = TestData.rectangles(12, 16, 1, 3);
        ModelConfig model = new ModelConfig(16, 1, 16, 32, 16, Normalization.BATCH_NORM);
        TrainConfig train = TrainConfig.defaults().withBatchSize(12).withSteps(2000).withSeed(5);
        // Probes every 100 steps from the start (the session's first probe comes at step 500 by default).
        HealthMonitor monitor = new HealthMonitor(LossKind.BCE, HealthThresholds.DEFAULT.withFirstProbeStep(0));
        List<HealthWarning> warnings = new ArrayList<>();
        List<QualitySnapshot> probes = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, train, data, m);
             QualityProbe probe = QualityProbe.prepare(m, data, false, false, 16, 12, 5)) {
            while (t.stepsDone() < 1200 && !monitor.active().contains(HealthIssue.MEMORISATION)) {
                StepMetrics s = t.step();
                warnings.addAll(monitor.observe(s));
                if (s.step() % 100 == 0) {
                    QualitySnapshot q = probe.measure(s.step(), t::sample);
                    probes.add(q);
                    warnings.addAll(monitor.observe(q));
                }
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.issue() == HealthIssue.MEMORISATION && w.raised()),
                warnings + "\n" + probes);
        QualitySnapshot first = probes.get(0);
        assertTrue(first.closeShare() < 0.1, "an untrained generator copies nothing: " + first);
    }

    @Test
    void aRunMadeToCollapseIsFlagged() throws Exception {
        ImageDataset data = DatasetLoader.load(DataSpec.builtIn().withLimit(512), 16, LoadOptions.defaults(), null)
                .dataset();
        ModelConfig model = new ModelConfig(16, 1, 32, 16, 16, Normalization.BATCH_NORM);
        TrainConfig d = TrainConfig.defaults();
        TrainConfig train = new TrainConfig(d.loss(), 0f, new TrainConfig.AdamSettings(0.005f, 0.5f, 0.999f),
                new TrainConfig.AdamSettings(0.00002f, 0.5f, 0.999f), 1, 32, 5, 1000, 50, 500, 1, 16, 0f,
                Augment.OFF);
        // Probes every 100 steps, judged from step 300 instead of the default 500 to keep the test short.
        HealthMonitor monitor = new HealthMonitor(LossKind.BCE, HealthThresholds.DEFAULT.withFirstProbeStep(300));
        List<HealthWarning> warnings = new ArrayList<>();
        List<QualitySnapshot> probes = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(); GanTrainer t = new GanTrainer(model, train, data, m);
             QualityProbe probe = QualityProbe.prepare(m, data, false, false, 32, 32, 5)) {
            while (t.stepsDone() < 500) {
                StepMetrics s = t.step();
                warnings.addAll(monitor.observe(s));
                if (s.step() % 100 == 0) {
                    QualitySnapshot q = probe.measure(s.step(), t::sample);
                    probes.add(q);
                    warnings.addAll(monitor.observe(q));
                }
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.issue() == HealthIssue.MODE_COLLAPSE && w.raised()),
                warnings + "\n" + probes);
    }
}
