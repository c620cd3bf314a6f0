package io.ganstudio.ui.train;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.ui.harness.Configs;
import io.ganstudio.ui.model.ModelPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before Start the Train screen says how long the planned steps take on this machine. */
class TrainPlanTimeTest {

    @TempDir
    Path runs;

    @Test
    void thePlanIsShownAsTimeOnThisMachineMeasuredOncePerModel() {
        AtomicReference<GanConfig> config = new AtomicReference<>(Configs.tiny(1000));
        TrainViewModel vm = new TrainViewModel(config::get, runs, new TrainViewModelTest.FakeSessions(),
                new TrainViewModelTest.RecordingNotifier(), new TrainText(Locale.ENGLISH));
        List<DoubleConsumer> pending = new ArrayList<>();
        vm.setPlanTimer((c, done) -> pending.add(done));
        vm.refreshPlan();
        assertEquals(1, pending.size(), "measured once");
        assertTrue(Double.isNaN(vm.plannedSecondsProperty().get()), "unknown until measured");
        int batch = Configs.tiny(1000).train().batchSize() * Configs.tiny(1000).train().discriminatorSteps();
        pending.get(0).accept(batch * 2.0); // 2 steps a second
        assertEquals(500, vm.plannedSecondsProperty().get(), 1e-6);
        config.set(Configs.tiny(3000)); // only the length changed: no new measurement
        vm.refreshPlan();
        assertEquals(1, pending.size());
        assertEquals(1500, vm.plannedSecondsProperty().get(), 1e-6);
        TrainText en = new TrainText(Locale.ENGLISH);
        assertEquals("Ready: 3,000 steps planned, about 25 minutes on this machine",
                en.format("label.readyTime", 3000L, en.aboutTime(1500)));
        assertEquals("about 1 minute", en.aboutTime(70));
        assertEquals("under a minute", en.aboutTime(20));
        assertEquals("about 2.5 hours", en.aboutTime(9000));
        TrainText ja = new TrainText(Locale.JAPANESE);
        assertEquals("準備完了: 3,000 ステップの予定（この PC で約 25 分）",
                ja.format("label.readyTime", 3000L, ja.aboutTime(1500)));
    }

    @Test
    void theSixtyFourPixelPresetFitsALessonOnATwoCoreLaptop() {
        // Measured with the bench command: a 64x64 DCGAN step (batch 64) costs about 2.2 CPU-seconds, about 1.1 s
        // of a 2-core laptop's time at best.
        double secondsPerStep = 1.1;
        long steps = ModelPreset.DCGAN_64.train().steps();
        assertTrue(steps * secondsPerStep <= 11 * 60, steps + " steps do not fit a lesson of about 10 minutes");
        assertTrue(steps >= 300, "enough steps to see shapes form");
    }
}
