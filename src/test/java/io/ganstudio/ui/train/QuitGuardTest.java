package io.ganstudio.ui.train;

import io.ganstudio.core.text.Phrase;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.app.QuitGuard;
import io.ganstudio.ui.harness.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quitting while training asks first, and each answer does what it says. */
class QuitGuardTest {

    @TempDir
    Path runs;

    private final TrainViewModelTest.FakeSessions sessions = new TrainViewModelTest.FakeSessions();

    private TrainViewModel training() {
        TrainViewModel vm = new TrainViewModel(() -> Configs.tiny(100), runs, sessions, TrainingAlerts.silent(),
                new TrainText(Locale.ENGLISH));
        vm.start();
        vm.pump().accept(new SessionEvent.StateChanged(SessionState.RUNNING));
        vm.apply(vm.pump().drain());
        sessions.commands.clear();
        return vm;
    }

    @Test
    void nothingIsAskedWhenNothingTrains() {
        AtomicInteger asked = new AtomicInteger();
        QuitGuard none = new QuitGuard(() -> null, () -> {
            asked.incrementAndGet();
            return QuitGuard.Choice.KEEP_TRAINING;
        }, () -> { });
        assertTrue(none.mayQuitNow());
        TrainViewModel idle = new TrainViewModel(() -> Configs.tiny(100), runs, sessions, TrainingAlerts.silent(),
                new TrainText(Locale.ENGLISH));
        assertTrue(new QuitGuard(() -> idle, () -> QuitGuard.Choice.KEEP_TRAINING, () -> { }).mayQuitNow());
        assertEquals(0, asked.get());
    }

    @Test
    void stopAndSaveStopsThenQuitsOnceTheSessionHasEnded() throws InterruptedException {
        TrainViewModel vm = training();
        CountDownLatch exited = new CountDownLatch(1);
        QuitGuard guard = new QuitGuard(() -> vm, () -> QuitGuard.Choice.SAVE, exited::countDown);
        assertFalse(guard.mayQuitNow(), "the window stays until the checkpoint is written");
        assertTrue(exited.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("stop", "await"), sessions.commands, "stop (which writes the checkpoint), wait, quit");
        assertTrue(guard.isSaving());
    }

    @Test
    void aFinalCheckpointThatFailsKeepsTheStudioOpen() throws InterruptedException {
        TrainViewModel vm = training();
        sessions.onStop = new SessionEvent.Failed(Phrase.verbatim("Could not write the final checkpoint"),
                Phrase.verbatim("free some space"));
        CountDownLatch exited = new CountDownLatch(1);
        QuitGuard guard = new QuitGuard(() -> vm, () -> QuitGuard.Choice.SAVE, exited::countDown);
        assertFalse(guard.mayQuitNow());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (guard.isSaving() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertFalse(guard.isSaving(), "the save ended");
        assertEquals(1, exited.getCount(), "the studio did not quit: its last steps were not saved");
        vm.apply(vm.pump().drain());
        assertEquals("Could not write the final checkpoint", vm.failureProperty().get().what().text(Locale.ENGLISH));
    }

    @Test
    void keepTrainingChangesNothingAndQuitWithoutSavingAbandons() {
        TrainViewModel vm = training();
        QuitGuard keep = new QuitGuard(() -> vm, () -> QuitGuard.Choice.KEEP_TRAINING, () -> { });
        assertFalse(keep.mayQuitNow());
        assertEquals(List.of(), sessions.commands);
        QuitGuard discard = new QuitGuard(() -> vm, () -> QuitGuard.Choice.DISCARD, () -> { });
        assertTrue(discard.mayQuitNow());
        assertEquals(List.of("abandon"), sessions.commands);
    }
}
