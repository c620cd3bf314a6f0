package io.ganstudio.ui.explore;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.TestData;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.GanTrainer;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.fxutil.ArgbFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Explore ViewModel on a real generator (GeneratorRunner's engine thread) with a real single-thread executor
 * standing in for the FX thread: renders finish on another thread, out of step with the requests, and the ViewModel
 * must still change its state only on its own thread and end on the image of the newest request.
 */
class ExploreViewModelEngineTest {

    @TempDir
    Path dir;

    private static <T> T on(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }

    @Test
    void latestRequestWinsAndStateChangesOnlyOnItsOwnThread() throws Exception {
        EngineSetup.init();
        GanConfig config = new GanConfig(DataSpec.builtIn(), new ModelConfig(16, 3, 8, 8, 8,
                Normalization.BATCH_NORM), TrainConfig.defaults().withBatchSize(4).withSeed(5));
        try (RunFolder run = RunFolder.create(dir.resolve("run"), config);
             NDManager m = NDManager.newBaseManager();
             GanTrainer t = new GanTrainer(config.model(), config.train(), TestData.noise(8, 16, 3, 1), m)) {
            t.step();
            run.writeCheckpoint(t.exportState());
        }
        LoadedCheckpoint checkpoint = Checkpoints.readLatestGenerator(dir.resolve("run/checkpoints"));
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (GeneratorRunner reference = GeneratorRunner.load(checkpoint)) {
            ExploreViewModel vm = new ExploreViewModel(fx, () -> 42L);
            on(fx, () -> {
                vm.imageProperty().addListener((o, a, b) -> threads.add(Thread.currentThread().getName()));
                vm.tilesProperty().addListener((o, a, b) -> threads.add(Thread.currentThread().getName()));
                vm.sliders().directionsReadyProperty().addListener((o, a, b) -> threads.add(Thread.currentThread().getName()));
                vm.open(ImageSource.of(GeneratorRunner.load(checkpoint), GeneratorRunner.load(checkpoint)));
                return null;
            });
            await(() -> {
                try {
                    return on(fx, () -> vm.sliders().directionsReadyProperty().get()
                            && vm.tilesProperty().get().stream().noneMatch(f -> f == null));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Twenty slider moves in a burst: renders queue behind each other on the engine thread.
            for (int i = 1; i <= 20; i++) {
                double v = i * 0.15;
                fx.execute(() -> vm.sliders().sliderProperty(0).set(v));
            }
            float[] finalZ = on(fx, vm::currentZ);
            int[] expected = reference.render(finalZ).get(30, TimeUnit.SECONDS);
            await(() -> {
                try {
                    ArgbFrame f = on(fx, () -> vm.imageProperty().get());
                    return f != null && Arrays.equals(expected, f.argb());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // An older render finishing late must not replace the newest image: wait until the renderer has run
            // everything it was asked for (it hands each image to the FX thread before it says it is idle), then let
            // the FX thread take what was handed over.
            await(() -> {
                try {
                    return on(fx, () -> !vm.renderer().busy());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            on(fx, () -> null);
            assertArrayEquals(expected, on(fx, () -> vm.imageProperty().get().argb()));
            String error = on(fx, () -> vm.errorProperty().get());
            assertTrue(error == null || error.isEmpty(), error);
            assertEquals(Set.of("fake-fx"), threads, "state changed on another thread");
        } finally {
            fx.shutdownNow();
        }
    }
}
