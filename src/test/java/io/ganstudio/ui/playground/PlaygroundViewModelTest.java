package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Loss;
import io.ganstudio.core.playground.PlaygroundConfig;
import io.ganstudio.core.playground.PlaygroundFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Playground's ViewModel without a screen: a worker thread stands in for the studio's background helper, and
 * the test thread plays the FX thread by running what the ViewModel hands to {@code fx}.
 */
class PlaygroundViewModelTest {

    private final ExecutorService worker = Executors.newCachedThreadPool();
    private final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    private Locale locale = Locale.ENGLISH;

    private PlaygroundViewModel vm() {
        return new PlaygroundViewModel(worker, fxQueue::add, () -> locale);
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** Runs "FX" work until the condition holds (or fails after 10 s). */
    private void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            Runnable r = fxQueue.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > end) {
                fail("timed out");
            }
        }
    }

    @Test
    void modeCollapseSettingsAreOneClickAwayAndTheDefaultsComeBack() throws Exception {
        PlaygroundViewModel vm = vm();
        await(() -> vm.frameProperty().get() != null);
        assertEquals(PlaygroundConfig.defaults(), vm.config());
        vm.showModeCollapse();
        assertEquals(DataSource.GAUSSIANS, vm.sourceProperty().get());
        assertEquals(PlaygroundConfig.modeCollapse(), vm.config());
        assertEquals(0, vm.config().penalty());
        vm.restoreDefaults();
        assertEquals(PlaygroundConfig.defaults(), vm.config());
        await(() -> !vm.busyProperty().get());
    }

    @Test
    void startsAtStepZeroAndStepsByHand() throws Exception {
        PlaygroundViewModel vm = vm();
        await(() -> vm.frameProperty().get() != null);
        assertEquals(0, vm.stepProperty().get());
        assertTrue(vm.readyProperty().get());
        PlaygroundFrame first = vm.frameProperty().get();
        vm.oneDiscriminatorUpdate();
        assertTrue(vm.busyProperty().get());
        await(() -> !vm.busyProperty().get());
        PlaygroundFrame afterD = vm.frameProperty().get();
        assertNotEquals(first, afterD);
        assertEquals(0, vm.stepProperty().get(), "one update by hand is not a whole step");
        vm.oneStep();
        await(() -> !vm.busyProperty().get());
        assertEquals(1, vm.stepProperty().get());
        assertEquals(1, vm.rows().get(vm.rows().size() - 1).step());
    }

    @Test
    void playTrainsUntilPausedAndChangingASettingStartsAgain() throws Exception {
        PlaygroundViewModel vm = vm();
        await(() -> vm.frameProperty().get() != null);
        vm.speedProperty().set(0);
        vm.play();
        await(() -> vm.stepProperty().get() > 50);
        vm.pause();
        await(() -> !vm.busyProperty().get());
        long at = vm.stepProperty().get();
        assertTrue(vm.rows().size() > 1);
        vm.lossProperty().set(Loss.HINGE);
        await(() -> vm.stepProperty().get() == 0 && vm.frameProperty().get().step() == 0);
        assertTrue(at > 50);
        assertTrue(vm.rows().size() <= 1);
    }

    @Test
    void sameSeedSameRunThroughTheScreen() throws Exception {
        float[][] fakes = new float[2][];
        for (int k = 0; k < 2; k++) {
            PlaygroundViewModel vm = vm();
            vm.seedProperty().set(9);
            for (int i = 0; i < 3; i++) {
                vm.oneStep();
                await(() -> !vm.busyProperty().get());
            }
            await(() -> vm.stepProperty().get() == 3);
            fakes[k] = vm.frameProperty().get().fake();
        }
        assertTrue(Arrays.equals(fakes[0], fakes[1]));
    }

    @Test
    void slowMotionExplainsEachSubStepInTheUsersLanguage() throws Exception {
        locale = Locale.JAPANESE;
        PlaygroundViewModel vm = vm();
        await(() -> vm.frameProperty().get() != null);
        vm.setSlowPauseMs(150);
        vm.slowMotionProperty().set(true);
        vm.oneDiscriminatorUpdate();
        await(() -> vm.explanationProperty().get().startsWith("1. "));
        assertTrue(vm.explanationProperty().get().contains("識別器の更新"), vm.explanationProperty().get());
        await(() -> vm.explanationProperty().get().startsWith("3. "));
        assertTrue(vm.explanationProperty().get().contains("損失"));
        await(() -> !vm.busyProperty().get());
        locale = Locale.ENGLISH;
        vm.oneGeneratorUpdate();
        await(() -> vm.explanationProperty().get().startsWith("4. Generator update: Gradients."));
        vm.pause();
        await(() -> !vm.busyProperty().get());
        // Leaving slow motion: the explanation goes with the next whole step.
        vm.slowMotionProperty().set(false);
        vm.oneStep();
        await(() -> !vm.busyProperty().get() && vm.explanationProperty().get().isEmpty());
    }

    @Test
    void drawYourOwnWaitsForAStrokeThenTrainsOnIt() throws Exception {
        PlaygroundViewModel vm = vm();
        vm.sourceProperty().set(DataSource.DRAWING);
        await(() -> !vm.readyProperty().get());
        assertNull(vm.frameProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Paint on the canvas"));
        vm.beginStroke(0.2, 0.2);
        vm.extendStroke(0.8, 0.8);
        vm.endStroke();
        await(() -> vm.frameProperty().get() != null);
        assertTrue(vm.readyProperty().get());
        assertEquals("", vm.messageProperty().get());
        float[] real = vm.frameProperty().get().real();
        for (int i = 0; i < real.length; i += 2) {
            assertTrue(Math.abs(real[i] - real[i + 1]) < 0.15, "points lie along the diagonal stroke");
        }
        vm.clearDrawing();
        assertFalse(vm.readyProperty().get());
    }

    @Test
    void csvImportShowsWhatIsWrongOrSwitchesToThePoints(@TempDir Path dir) throws Exception {
        PlaygroundViewModel vm = vm();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\nthree,4\n");
        vm.importCsv(bad);
        await(() -> !vm.messageProperty().get().isEmpty());
        assertEquals("Line 3 is not two numbers: \"three,4\". Use a dot for decimals (0.5) and a comma, semicolon "
                + "or tab between x and y.", vm.messageProperty().get());
        assertEquals(DataSource.RING, vm.sourceProperty().get());
        Path good = dir.resolve("good.csv");
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            b.append(Math.cos(i / 8.0)).append(',').append(Math.sin(i / 8.0)).append('\n');
        }
        Files.writeString(good, b.toString());
        vm.importCsv(good);
        await(() -> vm.messageProperty().get().startsWith("Imported 50 points"));
        await(() -> vm.frameProperty().get() != null && vm.frameProperty().get().real().length == 100);
        assertEquals(DataSource.CSV, vm.sourceProperty().get());
    }

    @Test
    void choosingCsvWithoutAFileAsksForOne() throws Exception {
        PlaygroundViewModel vm = vm();
        vm.sourceProperty().set(DataSource.CSV);
        assertFalse(vm.readyProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Import a CSV file"));
        vm.sourceProperty().set(DataSource.BLOBS);
        assertTrue(vm.readyProperty().get());
        assertEquals("", vm.messageProperty().get());
    }
}
