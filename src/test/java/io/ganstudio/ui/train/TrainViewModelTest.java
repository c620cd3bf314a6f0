package io.ganstudio.ui.train;

import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.harness.Configs;
import io.ganstudio.ui.model.NumberField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainViewModelTest {

    @TempDir
    Path runs;

    /** Records commands; the test plays the engine by sending events to the listener. */
    public static final class FakeSessions implements SessionFactory {
        public final List<String> commands = new ArrayList<>();
        Consumer<SessionEvent> listener;
        Path runDir;

        @Override
        public Handle newRun(GanConfig config, Path dir, Consumer<SessionEvent> l) {
            listener = l;
            runDir = dir;
            return handle();
        }

        @Override
        public Handle resumeRun(Path dir, TrainConfig settings, Consumer<SessionEvent> l) {
            listener = l;
            runDir = dir;
            commands.add("resume-run " + settings.steps());
            lastSettings = settings;
            return handle();
        }

        TrainConfig lastSettings;
        boolean ended;
        /** What the engine sends when told to stop (e.g. a failed final checkpoint); null for nothing. */
        public SessionEvent onStop;

        private Handle handle() {
            return new Handle() {
                public void start() {
                    commands.add("start");
                }

                public void pause() {
                    commands.add("pause");
                }

                public void resume() {
                    commands.add("resume");
                }

                public void stepOnce() {
                    commands.add("step");
                }

                public void stop() {
                    commands.add("stop");
                    if (onStop != null) {
                        listener.accept(onStop);
                    }
                }

                public void abandon() {
                    commands.add("abandon");
                }

                public boolean awaitEnd(long timeout, TimeUnit unit) {
                    commands.add("await");
                    return true;
                }
            };
        }
    }

    static final class RecordingNotifier implements TrainingAlerts {
        final List<String> shown = new ArrayList<>();

        public void info(String title, String text) {
            shown.add("info: " + text);
        }

        public void error(String title, String text) {
            shown.add("error: " + text);
        }
    }

    private final FakeSessions sessions = new FakeSessions();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicReference<GanConfig> config = new AtomicReference<>(Configs.tiny(10));

    private TrainViewModel vm() {
        return new TrainViewModel(config::get, runs, sessions, notifier, new TrainText(Locale.ENGLISH));
    }

    private static void send(TrainViewModel vm, SessionEvent... events) {
        for (SessionEvent e : events) {
            vm.pump().accept(e);
        }
        vm.apply(vm.pump().drain());
    }

    private static String buttons(TrainViewModel vm) {
        return (vm.canStartProperty().get() ? "S" : "-") + (vm.canPauseProperty().get() ? "P" : "-")
                + (vm.canResumeProperty().get() ? "R" : "-") + (vm.canStopProperty().get() ? "X" : "-")
                + (vm.canStepProperty().get() ? "1" : "-") + (vm.canContinueProperty().get() ? "C" : "-");
    }

    @Test
    void buttonsFollowTheSessionState() {
        TrainViewModel vm = vm();
        assertEquals("S---1-", buttons(vm), "nothing ran yet: start or single-step a new run");
        assertTrue(vm.start());
        assertEquals(List.of("start"), sessions.commands);
        assertEquals("---X--", buttons(vm), "preparing: only stop");
        send(vm, new SessionEvent.StateChanged(SessionState.PREPARING));
        assertEquals("---X--", buttons(vm));
        send(vm, new SessionEvent.StateChanged(SessionState.RUNNING));
        assertEquals("-P-X--", buttons(vm), "running: pause or stop");
        vm.pause();
        send(vm, new SessionEvent.StateChanged(SessionState.PAUSED));
        assertEquals("--RX1-", buttons(vm), "paused: resume, stop or one step");
        vm.stepOnce();
        vm.resume();
        assertEquals("-P-X--", buttons(vm), "resume disables itself at once");
        vm.stop();
        send(vm, new SessionEvent.StateChanged(SessionState.FINISHED), new SessionEvent.Finished(5, false));
        assertEquals("S---1C", buttons(vm), "finished: a new run, or continue this one");
        assertEquals(List.of("start", "pause", "step", "resume", "stop"), sessions.commands);
        assertEquals(List.of("info: Stopped at step 5; the run can be continued."), notifier.shown);
    }

    @Test
    void failureShowsMessageAndAdviceAndAllowsANewStart() {
        TrainViewModel vm = vm();
        vm.start();
        send(vm, new SessionEvent.StateChanged(SessionState.RUNNING), new SessionEvent.StateChanged(
                SessionState.FAILED), new SessionEvent.Failed(Phrase.verbatim("a loss became NaN"), Phrase.verbatim("Try a lower learning rate.")));
        assertEquals("S---1C", buttons(vm));
        assertEquals("a loss became NaN", vm.failureProperty().get().message());
        assertEquals("error: a loss became NaN\nTry a lower learning rate.", notifier.shown.get(0));
    }

    @Test
    void startRefusesAnInvalidConfigAndListsEveryProblem() {
        GanConfig good = Configs.tiny(10);
        config.set(good.withTrain(good.train().withBatchSize(1).withSteps(0)));
        TrainViewModel vm = vm();
        assertFalse(vm.start());
        assertTrue(sessions.commands.isEmpty());
        assertEquals(2, vm.problemsProperty().get().size(), vm.problemsProperty().get().toString());
        assertEquals("S---1-", buttons(vm));
        config.set(good);
        assertTrue(vm.start());
        assertTrue(vm.problemsProperty().get().isEmpty());
    }

    @Test
    void stepOnceBeginsANewRunWithASingleStep() {
        TrainViewModel vm = vm();
        vm.stepOnce();
        assertEquals(List.of("step"), sessions.commands);
        assertNotNull(vm.runDirProperty().get());
        assertTrue(vm.runDirProperty().get().startsWith(runs));
    }

    @Test
    void metricsGridAndProgressArriveThroughThePump() {
        TrainViewModel vm = vm();
        vm.start();
        List<StepMetrics> steps = new ArrayList<>();
        for (long s = 1; s <= 5; s++) {
            steps.add(new StepMetrics(s, s * 2.0, 1, 1, 0.5, 0.5, 32));
        }
        send(vm, new SessionEvent.Metrics(steps), EventPumpTest.grid(2), EventPumpTest.grid(4));
        assertEquals(5, vm.metrics().size());
        assertEquals(5, vm.stepProperty().get());
        assertEquals(0.5, vm.progressProperty().get(), 1e-9);
        assertEquals(10.0, vm.elapsedSecondsProperty().get(), 1e-9);
        assertEquals(10.0, vm.etaSecondsProperty().get(), 1e-9, "5 steps left at 2 s a step");
        assertEquals(2, vm.samples().size());
        assertEquals(4 | 0xFF000000, vm.liveGridProperty().get().argb()[0]);
    }

    @Test
    void aResumedRunRewindsTheHistoryOnScreen() {
        TrainViewModel vm = vm();
        vm.start();
        List<StepMetrics> steps = new ArrayList<>();
        for (long s = 1; s <= 8; s++) {
            steps.add(EventPumpTest.metrics(s));
        }
        send(vm, new SessionEvent.Metrics(steps), EventPumpTest.grid(4), EventPumpTest.grid(8),
                new SessionEvent.StateChanged(SessionState.FINISHED));
        vm.continueTraining(Configs.tiny(10).train().withSteps(20));
        assertEquals("resume-run 20", sessions.commands.get(sessions.commands.size() - 2));
        send(vm, new SessionEvent.Metrics(List.of(EventPumpTest.metrics(5))), EventPumpTest.grid(6));
        assertEquals(5, vm.metrics().size(), "rows after the checkpoint (step 4) are replaced");
        assertEquals(List.of(4L, 6L), vm.samples().stream().map(s -> s.step()).toList());
        assertEquals(20, vm.targetStepsProperty().get());
    }

    @Test
    void augmentationProbabilityAndAdasRAreShownFromTheLatestStep() {
        TrainViewModel vm = vm();
        vm.start();
        send(vm, new SessionEvent.Metrics(List.of(EventPumpTest.metrics(1))));
        assertTrue(Double.isNaN(vm.augmentPProperty().get()), "no augmentation: nothing shown");
        StepMetrics ada = new StepMetrics(2, 1, 1, 1, 0.5, 0.5, 100,
                0.125, 0.7);
        send(vm, new SessionEvent.Metrics(List.of(ada)));
        assertEquals(0.125, vm.augmentPProperty().get());
        assertEquals(0.7, vm.augmentRProperty().get());
    }

    @Test
    void showingAnOpenedRunAllowsContinuing() {
        TrainViewModel vm = vm();
        RunSnapshot run = new RunSnapshot(runs.resolve("old"), Configs.tiny(10),
                List.of(EventPumpTest.metrics(1), EventPumpTest.metrics(2)), List.of(), true);
        vm.showRun(run);
        assertEquals("S---1C", buttons(vm));
        assertEquals(2, vm.stepProperty().get());
        assertNull(vm.stateProperty().get());
        assertEquals(10, vm.suggestedContinueTarget(), "not at its target yet: continue to it");
        vm.showRun(new RunSnapshot(runs.resolve("done"), Configs.tiny(10), List.of(EventPumpTest.metrics(10)),
                List.of(), true));
        assertEquals(20, vm.suggestedContinueTarget(), "at its target: as many steps again");
    }

    @Test
    void continuingWithChangedSettingsSendsThemAndKeepsThemForTheNextContinue() {
        TrainViewModel vm = vm();
        vm.showRun(new RunSnapshot(runs.resolve("old"), Configs.tiny(10), List.of(EventPumpTest.metrics(10)),
                List.of(), true));
        ContinueSettings dialog = new ContinueSettings(vm.runConfigProperty().get(), vm.suggestedContinueTarget());
        dialog.text(NumberField.GENERATOR_LR).set("0.0001");
        dialog.text(NumberField.BATCH_SIZE).set("8");
        ContinueSettings.Valid valid = (ContinueSettings.Valid) dialog.read(Locale.ENGLISH);
        vm.continueTraining(valid.settings());
        assertEquals("resume-run 20", sessions.commands.get(0));
        assertEquals(1e-4f, sessions.lastSettings.generatorOptimizer().learningRate());
        assertEquals(8, sessions.lastSettings.batchSize());
        assertEquals(Configs.tiny(10).train().seed(), sessions.lastSettings.seed(), "the rest is the run's own");
        assertEquals(8, vm.runConfigProperty().get().train().batchSize());
    }

    @Test
    void theContinueDialogRefusesNaNInfinityAndTextWithAReason() {
        ContinueSettings dialog = new ContinueSettings(Configs.tiny(10), 20);
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "fast")) {
            dialog.text(NumberField.LABEL_SMOOTHING).set(bad);
            ContinueSettings.Invalid r = (ContinueSettings.Invalid) dialog.read(Locale.ENGLISH);
            assertTrue(r.problems().get(0).contains("is not a number"), r.problems().toString());
            ContinueSettings.Invalid ja = (ContinueSettings.Invalid) dialog.read(Locale.JAPANESE);
            assertTrue(ja.problems().get(0).contains("数値ではありません"), ja.problems().toString());
        }
        dialog.text(NumberField.LABEL_SMOOTHING).set("0.1");
        dialog.text(NumberField.GENERATOR_LR).set("5");
        ContinueSettings.Invalid r = (ContinueSettings.Invalid) dialog.read(Locale.ENGLISH);
        assertEquals(1, r.problems().size(), r.problems().toString());
    }

    private static QualitySnapshot quality(long step, double fid) {
        return new QualitySnapshot(step, 0.4, 512, fid, 0.01, 0.8, 0.08, 4, 20, 0.02,
                0.9, 0.03, 1.1);
    }

    @Test
    void qualityFiguresAreKeptInStepOrderAndARewindReplacesThem() {
        TrainViewModel vm = vm();
        vm.start();
        send(vm, new SessionEvent.Quality(quality(500, 80)), new SessionEvent.Quality(quality(1000, 40)));
        assertEquals(List.of(500L, 1000L), vm.quality().stream().map(q -> q.step()).toList());
        // A resume from the checkpoint at 500 measures 1000 again.
        send(vm, new SessionEvent.Quality(quality(1000, 35)));
        assertEquals(2, vm.quality().size());
        assertEquals(35, vm.quality().get(1).fid(), 1e-9);
        send(vm, new SessionEvent.StateChanged(SessionState.FINISHED));
        vm.showRun(new RunSnapshot(runs.resolve("other"), Configs.tiny(10), List.of(), List.of(), false,
                List.of(quality(250, 90))));
        assertEquals(1, vm.quality().size(), "an opened run shows its own quality.csv");
    }

    @Test
    void aStoppedRunSaysStoppedAtItsStepAndShowsNoRemainingTime() {
        TrainViewModel vm = vm();
        vm.start();
        send(vm, new SessionEvent.StateChanged(SessionState.RUNNING));
        List<StepMetrics> steps = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            steps.add(new StepMetrics(s, s * 2.0, 1, 1, 0.5, 0.5, 32));
        }
        send(vm, new SessionEvent.Metrics(steps));
        assertEquals("Training", vm.stateText());
        assertFalse(Double.isNaN(vm.etaSecondsProperty().get()), "while training the remaining time shows");
        vm.stop();
        send(vm, new SessionEvent.StateChanged(SessionState.FINISHED), new SessionEvent.Finished(4, false));
        assertEquals("Stopped at step 4", vm.stateText(), "a stop is not reported as finished");
        assertTrue(Double.isNaN(vm.etaSecondsProperty().get()), "nothing trains: no remaining time");
        assertTrue(vm.canContinueProperty().get(), "the stopped run can be continued");
        TrainViewModel ja = new TrainViewModel(config::get, runs, sessions, notifier, new TrainText(Locale.JAPANESE));
        ja.start();
        send(ja, new SessionEvent.StateChanged(SessionState.FINISHED), new SessionEvent.Finished(7, false));
        assertEquals("ステップ 7 で停止", ja.stateText());
        ja.continueTraining(Configs.tiny(20).train());
        send(ja, new SessionEvent.StateChanged(SessionState.FINISHED), new SessionEvent.Finished(20, true));
        assertEquals("完了", ja.stateText(), "a run that reached its target is finished");
    }

    @Test
    void changingTheDataOrModelAfterARunClearsItForTheNewPlan() {
        TrainViewModel vm = vm();
        vm.refreshPlan();
        vm.start();
        send(vm, new SessionEvent.StateChanged(SessionState.RUNNING),
                new SessionEvent.Metrics(List.of(EventPumpTest.metrics(10))), EventPumpTest.grid(10));
        send(vm, new SessionEvent.StateChanged(SessionState.FINISHED), new SessionEvent.Finished(10, true));
        vm.refreshPlan(); // shown again with the same choice: the finished run stays
        assertEquals(10, vm.stepProperty().get());
        assertNotNull(vm.runDirProperty().get());
        config.set(Configs.tiny(300)); // the Model screen changed
        vm.refreshPlan();
        assertEquals(300, vm.plannedStepsProperty().get());
        assertEquals(0, vm.targetStepsProperty().get(), "no stale 10/10: the view says Ready: 300 steps planned");
        assertEquals(0, vm.stepProperty().get());
        assertNull(vm.stateProperty().get());
        assertNull(vm.runDirProperty().get());
        assertTrue(vm.samples().isEmpty(), "the old grids are gone");
        assertNull(vm.liveGridProperty().get());
        assertEquals(0, vm.metrics().size(), "the old curves are gone");
        assertEquals("S---1-", buttons(vm));
    }

    @Test
    void healthIsTooEarlyToTellBeforeTheFirstWindowAndNamesDWinningMeanwhile() {
        TrainViewModel vm = vm();
        assertEquals("", vm.earlyHealthProperty().get(), "no run: nothing to say");
        vm.start();
        assertEquals("Too early to tell: the scores are judged from step 100", vm.earlyHealthProperty().get(),
                "not 'Healthy' before step 1");
        List<StepMetrics> steps = new ArrayList<>();
        for (int s = 1; s <= 30; s++) {
            steps.add(new StepMetrics(s, s, 0.01, 6, 0.995, 0.005, 32));
        }
        send(vm, new SessionEvent.StateChanged(SessionState.RUNNING), new SessionEvent.Metrics(steps));
        assertTrue(vm.earlyHealthProperty().get().startsWith("Too early to tell: for now the discriminator is winning"
                + " (mean D(x) 0.99 and D(G(z)) 0.01 over the last 20 steps)"), vm.earlyHealthProperty().get());
        steps.clear();
        for (int s = 31; s <= 100; s++) {
            steps.add(new StepMetrics(s, s, 1.2, 0.9, 0.7, 0.3, 32));
        }
        send(vm, new SessionEvent.Metrics(steps));
        assertEquals("", vm.earlyHealthProperty().get(), "judged from step 100: the strip shows its verdict");
    }
}
