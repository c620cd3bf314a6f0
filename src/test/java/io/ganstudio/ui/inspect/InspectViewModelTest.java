package io.ganstudio.ui.inspect;

import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inspect screen's ViewModel on a tiny run: no encoder, fit, inspect a labelled folder, threshold, select. */
class InspectViewModelTest {

    @TempDir
    static Path tmp;
    static BackgroundTasks tasks;

    @BeforeAll
    static void platform() {
        FxTesting.startPlatform();
        tasks = new BackgroundTasks();
    }

    @AfterAll
    static void stop() {
        tasks.shutdown();
    }

    @Test
    void fitInspectAndSelect() throws Exception {
        Path run = TinyRuns.sharedRunCopy(tmp);
        Path folder = tmp.resolve("inspect");
        Random r = new Random(4);
        for (int i = 0; i < 10; i++) {
            TinyRuns.writePng(TinyRuns.normalImage(r), folder.resolve("good").resolve("g" + i + ".png"));
            TinyRuns.writePng(TinyRuns.withSquare(TinyRuns.normalImage(r), r.nextInt(12), r.nextInt(12)),
                    folder.resolve("crack").resolve("c" + i + ".png"));
        }
        Files.writeString(folder.resolve("good").resolve("readme.txt"), "notes");
        InspectViewModel vm = FxTesting.onFx(() -> new InspectViewModel(tasks,
                new InspectText(() -> Locale.ENGLISH), tmp.resolve("cache")));
        FxTesting.onFx(() -> {
            vm.openRun(run);
            return null;
        });
        waitReady(vm);
        assertFalse(vm.hasEncoderProperty().get());
        assertTrue(vm.statusProperty().get().contains("no encoder yet"), vm.statusProperty().get());

        FxTesting.onFx(() -> {
            vm.fitStepsProperty().set(40);
            vm.fit();
            return null;
        });
        waitReady(vm);
        assertTrue(vm.hasEncoderProperty().get(), vm.statusProperty().get());
        assertEquals(40, vm.lossesProperty().get().length);
        assertNotNull(vm.thresholdProperty().get());

        FxTesting.onFx(() -> {
            vm.inspect(folder);
            return null;
        });
        waitReady(vm);
        assertEquals(20, vm.rows().size(), vm.statusProperty().get());
        assertEquals(1, vm.skipped().size(), "readme.txt is listed as skipped");
        for (int i = 1; i < vm.rows().size(); i++) {
            assertTrue(vm.rows().get(i - 1).score().score() >= vm.rows().get(i).score().score(), "sorted by score");
        }
        assertNotNull(vm.metricsProperty().get());
        assertTrue(vm.metricsProperty().get().auroc() > 0.7, "AUROC " + vm.metricsProperty().get().auroc());
        double atDefault = vm.thresholdProperty().get().value();
        long aboveAtDefault = vm.rows().stream().filter(x -> x.score().aboveThreshold()).count();
        FxTesting.onFx(() -> {
            vm.percentileProperty().set(80);
            return null;
        });
        assertTrue(vm.thresholdProperty().get().value() <= atDefault, "a lower percentile, a lower threshold");
        assertTrue(vm.rows().stream().filter(x -> x.score().aboveThreshold()).count() >= aboveAtDefault);

        FxTesting.onFx(() -> {
            vm.select(vm.rows().get(0), false);
            return null;
        });
        waitReady(vm);
        assertNotNull(vm.detailProperty().get());
        assertEquals(TinyRuns.SIZE * TinyRuns.SIZE, vm.detailProperty().get().map().length);
    }

    private static void waitReady(InspectViewModel vm) throws Exception {
        FxTesting.waitFor(Duration.ofSeconds(120),
                () -> vm.stateProperty().get() != InspectViewModel.State.BUSY);
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws Exception {
        Properties en = read("messages.properties");
        Properties ja = read("messages_ja.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
        assertTrue(ja.getProperty("button.fit").chars().anyMatch(c -> c > 0x3000));
    }

    private static Properties read(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = InspectViewModelTest.class.getResourceAsStream("/io/ganstudio/ui/inspect/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
