package io.ganstudio.ui.train;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.InvalidConfigException;
import io.ganstudio.ui.harness.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Before the first start the Train screen says it is ready and how many steps Start would train. */
class TrainReadyTest {

    @TempDir
    Path runs;

    @Test
    void plannedStepsFollowTheModelSettingsAndAreZeroWhenTheyAreInvalid() {
        AtomicReference<GanConfig> config = new AtomicReference<>(Configs.tiny(10));
        boolean[] invalid = {false};
        TrainViewModel vm = new TrainViewModel(() -> {
            if (invalid[0]) {
                throw new InvalidConfigException(List.of("latent size must be between 1 and 1024, not 0"));
            }
            return config.get();
        }, runs, new TrainViewModelTest.FakeSessions(), new TrainViewModelTest.RecordingNotifier(),
                new TrainText(Locale.ENGLISH));
        assertEquals(0, vm.plannedStepsProperty().get());
        vm.refreshPlan();
        assertEquals(10, vm.plannedStepsProperty().get());
        config.set(Configs.tiny(2000));
        vm.refreshPlan();
        assertEquals(2000, vm.plannedStepsProperty().get());
        invalid[0] = true;
        vm.refreshPlan();
        assertEquals(0, vm.plannedStepsProperty().get());
        TrainText text = new TrainText(Locale.ENGLISH);
        assertEquals("Ready: 2,000 steps planned", text.format("label.ready", 2000L));
        assertEquals("準備完了: 2,000 ステップの予定", new TrainText(Locale.JAPANESE).format("label.ready", 2000L));
    }
}
