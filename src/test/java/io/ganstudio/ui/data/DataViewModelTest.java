package io.ganstudio.ui.data;

import io.ganstudio.core.data.DataReport;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.Fit;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadResult;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static io.ganstudio.ui.app.FxTesting.onFx;
import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Preferences node = Preferences.userRoot().node("io/ganstudio/test-" + System.nanoTime());
    private final StudioPrefs prefs = new StudioPrefs(node);
    private final BackgroundTasks tasks = new BackgroundTasks();

    @BeforeAll
    static void fx() {
        FxTesting.startPlatform();
    }

    @AfterEach
    void clean() throws Exception {
        tasks.shutdown();
        node.removeNode();
    }

    private static LoadResult result(DataSpec spec, int size, int count) {
        ImageDataset d = new ImageDataset(count, size, 1, new byte[count * size * size], null, List.of());
        DataReport r = new DataReport("test", size, 1, count, count, List.of(), Map.of(), Map.of("< 32 px", count),
                0, Map.of("png", count), 0.1, 0.1, false);
        return new LoadResult(d, r);
    }

    @Test
    void loadGoesFromLoadingToLoaded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DatasetSource source = (spec, size, options, progress) -> {
            progress.update(1, 2);
            await(release);
            return result(spec, size, 5);
        };
        DataViewModel vm = new DataViewModel(tasks, source, prefs, null);
        assertEquals(DataState.EMPTY, vm.stateProperty().get());
        onFx(() -> {
            vm.loadBuiltIn(16);
            return null;
        });
        assertEquals(DataState.LOADING, onFx(() -> vm.stateProperty().get()));
        waitFor(WAIT, () -> vm.progressProperty().get() == 0.5);
        release.countDown();
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.LOADED);
        assertEquals(5, vm.datasetProperty().get().count());
        assertEquals(16, vm.loadedSizeProperty().get());
        assertEquals(DataSpec.builtIn(), vm.specProperty().get());
        assertEquals("test", vm.reportProperty().get().source());
    }

    @Test
    void choosingPadReloadsTheDataPadded() throws Exception {
        List<DataSpec> asked = new CopyOnWriteArrayList<>();
        DatasetSource source = (spec, size, options, progress) -> {
            asked.add(spec);
            return result(spec, size, 5);
        };
        DataViewModel vm = new DataViewModel(tasks, source, prefs, null);
        onFx(() -> {
            vm.loadBuiltIn(32);
            return null;
        });
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.LOADED);
        onFx(() -> {
            vm.fitProperty().set(Fit.PAD);
            return null;
        });
        waitFor(WAIT, () -> asked.size() == 2 && vm.stateProperty().get() == DataState.LOADED);
        assertEquals(Fit.RESIZE, asked.get(0).fit());
        assertEquals(Fit.PAD, asked.get(1).fit());
        assertEquals(Fit.PAD, vm.specProperty().get().fit());
    }

    @Test
    void failureShowsTheLoadersMessage() throws Exception {
        DataViewModel vm = new DataViewModel(tasks, (s, size, o, p) -> {
            throw new DatasetException("No images in this folder.");
        }, prefs, null);
        onFx(() -> {
            vm.loadFolder(Path.of("/tmp/none"), 32);
            return null;
        });
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.FAILED);
        assertEquals("No images in this folder.", vm.errorProperty().get());
        assertNull(vm.datasetProperty().get());
    }

    @Test
    void cancelStopsTheLoadAndKeepsTheEarlierDataset() throws Exception {
        DataSpec first = DataSpec.builtIn();
        DatasetSource source = (spec, size, options, progress) -> {
            if (spec.equals(first)) {
                return result(spec, size, 3);
            }
            while (!options.cancelled().getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new CancellationException();
        };
        DataViewModel vm = new DataViewModel(tasks, source, prefs, null);
        onFx(() -> {
            vm.load(first, 16);
            return null;
        });
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.LOADED);
        ImageDataset loaded = vm.datasetProperty().get();
        onFx(() -> {
            vm.loadFolder(Path.of("/tmp/big"), 16);
            return null;
        });
        assertEquals(DataState.LOADING, onFx(() -> vm.stateProperty().get()));
        onFx(() -> {
            vm.cancel();
            return null;
        });
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.LOADED);
        assertSame(loaded, vm.datasetProperty().get());
        assertEquals(first, vm.specProperty().get());
    }

    @Test
    void cancelWithNothingLoadedIsCancelled() throws Exception {
        DataViewModel vm = new DataViewModel(tasks, (spec, size, options, progress) -> {
            while (!options.cancelled().getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new CancellationException();
        }, prefs, null);
        onFx(() -> {
            vm.loadBuiltIn(28);
            vm.cancel();
            return null;
        });
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.CANCELLED);
    }

    @Test
    void chosenFoldersAreRememberedNewestFirst() throws Exception {
        DataViewModel vm = new DataViewModel(tasks, (s, size, o, p) -> result(s, size, 1), prefs, null);
        onFx(() -> {
            vm.loadFolder(Path.of("/data/a"), 28);
            vm.loadFolder(Path.of("/data/b"), 28);
            return null;
        });
        assertEquals(List.of("/data/b", "/data/a"), vm.recentFoldersProperty());
        DataViewModel again = new DataViewModel(tasks, (s, size, o, p) -> result(s, size, 1), prefs, null);
        assertEquals(List.of("/data/b", "/data/a"), again.recentFoldersProperty());
        waitFor(WAIT, () -> vm.stateProperty().get() == DataState.LOADED);
        assertTrue(vm.specProperty().get().path().endsWith("b"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
