package io.ganstudio.ui.bench;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.InteractionGate;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.ExploreView;
import io.ganstudio.ui.explore.ExploreViewModel;
import io.ganstudio.ui.explore.GeneratorOpener;
import io.ganstudio.ui.train.SessionFactory;
import io.ganstudio.ui.train.TrainText;
import io.ganstudio.ui.train.TrainView;
import io.ganstudio.ui.train.TrainViewModel;
import io.ganstudio.ui.train.TrainingAlerts;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Measures what a class would feel: trains a 64x64 DCGAN on the built-in images with the Train screen showing and
 * records the gaps between JavaFX pulses; then opens the run's checkpoint on the Explore screen and measures how long
 * a latent slider change takes to reach the screen, with training paused and while it runs: one continuous drag of
 * {@code probes} moves, then a minute of dragging as a person does it (the pointer moves onto a slider, real mouse
 * events on the slider node, a pointing delay, press, one to three seconds of moves, release, a pause with the pointer
 * elsewhere; repeated), with the training's speed before and during that minute.
 * Runs under Xvfb or Monocle. Usage: {@code UiBenchmark [seconds=60] [batch=32] [probes=100] [minute=60]}.
 */
public final class UiBenchmark {

    private static final long WAIT_SECONDS = 1800;

    private final int seconds;
    private final int batch;
    private final int probes;
    private final int minute;
    private final PulseMonitor pulses = new PulseMonitor();
    private TrainViewModel train;
    /** One stream for all probes: a slider set to the value it already has would never redraw. */
    private final Random random = new Random(5);
    private TrainView trainView;
    private ExploreView explore;

    private UiBenchmark(int seconds, int batch, int probes, int minute) {
        this.seconds = seconds;
        this.batch = batch;
        this.probes = probes;
        this.minute = minute;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        EngineSetup.preferInteractive(); // measure with the studio's engine settings
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int probes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int minute = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        int rc = 0;
        try {
            new UiBenchmark(seconds, batch, probes, minute).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            rc = 1;
        }
        Platform.exit();
        System.exit(rc);
    }

    static GanConfig config(int batch) {
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, TrainConfig.AdamSettings.DCGAN,
                TrainConfig.AdamSettings.DCGAN, 1, batch, 1L, 100_000, 5, 10, 2, 64);
        return new GanConfig(DataSpec.builtIn(), ModelConfig.dcgan(64, 1), t);
    }

    private void run() throws Exception {
        Path runs = Files.createTempDirectory("ui-bench-runs");
        System.out.printf("UI benchmark: 64x64 DCGAN (ngf=ndf=64), batch %d, %d s of training, %d cores%n", batch,
                seconds, Runtime.getRuntime().availableProcessors());
        onFx(() -> {
            TrainText text = new TrainText(Locale.ENGLISH);
            train = new TrainViewModel(() -> config(batch), runs, SessionFactory.engine(null), TrainingAlerts.silent(),
                    text);
            Stage stage = new Stage();
            trainView = new TrainView(train, text);
            stage.setScene(new Scene(trainView, 1280, 800));
            stage.show();
            pulses.start();
            return null;
        });
        Thread.sleep(3000); // let the window settle
        onFx(() -> {
            pulses.reset();
            return null;
        });
        Thread.sleep(15_000);
        System.out.println("pulse gaps, Train screen idle (baseline of this machine): " + onFx(pulses::stats));
        onFx(() -> {
            train.start();
            return null;
        });
        waitUntil(() -> fx(() -> train.stateProperty().get() == SessionState.RUNNING));
        onFx(() -> {
            pulses.reset();
            return null;
        });
        Thread.sleep(seconds * 1000L);
        PulseMonitor.Stats training = onFx(pulses::stats);
        long steps = onFx(() -> train.stepProperty().get());
        System.out.printf("pulse gaps while training (%d steps, grid every 5): %s, longest at %.1f s%n", steps,
                training, onFx(pulses::maxGapAtSeconds));
        System.out.println("  Train screen's own work per drained batch (apply + chart redraw): "
                + PulseMonitor.Stats.of(onFx(() -> trainView.driver().workNanos())));
        long[] work = onFx(() -> trainView.driver().workNanos());
        StringBuilder longest = new StringBuilder("  longest batches (index: ms):");
        IntStream.range(0, work.length).boxed()
                .sorted((a, b) -> Long.compare(work[b], work[a])).limit(5)
                .forEach(i -> longest.append(String.format(" %d: %.1f", i, work[i] / 1e6)));
        System.out.println(longest);

        waitUntil(() -> checkpointExists(onFx(() -> train.runDirProperty().get())));
        Path run = onFx(() -> train.runDirProperty().get());
        GeneratorOpener.Opened opened = GeneratorOpener.open(run);
        onFx(() -> {
            explore = new ExploreView(new ExploreViewModel(Platform::runLater, () -> 1L),
                    new ExploreText(Locale.ENGLISH), () -> run);
            Stage stage = new Stage();
            stage.setScene(new Scene(explore, 1280, 800));
            stage.show();
            explore.viewModel().open(opened.source());
            explore.viewModel().sliders().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS);
            return null;
        });
        waitUntil(() -> fx(() -> explore.mainImage().frame() != null));
        boolean gateOff = "off".equals(System.getProperty("ganstudio.interactionGate"));
        System.out.println("interaction gate: " + (gateOff ? "off" : "on")
                + "; Explore's renders ahead of training (own MXNet workers, training at nice "
                + EngineSetup.BACKGROUND_NICE + "): "
                + (EngineSetup.interactiveGoesFirst() ? "yes" : "no"));
        // Nobody about for longer than the gate's "nearby" window: the training's undisturbed speed.
        Thread.sleep(InteractionGate.NEARBY_NANOS / 1_000_000L + 1000);
        long before0 = onFx(() -> train.stepProperty().get());
        long beforeT = System.nanoTime();
        Thread.sleep(20_000);
        double stepsPerSecondBefore = (onFx(() -> train.stepProperty().get()) - before0)
                / ((System.nanoTime() - beforeT) / 1e9);
        System.out.printf("training with Explore open, nobody touching it: %.3f steps/s (20 s)%n",
                stepsPerSecondBefore);

        long waitedBefore = InteractionGate.shared().waitedNanos();
        long dragStart = System.nanoTime();
        PulseMonitor.Stats whileTraining = latency();
        double dragged = (System.nanoTime() - dragStart) / 1e9;
        double waited = (InteractionGate.shared().waitedNanos() - waitedBefore) / 1e9;
        System.out.println("slider -> redraw while training: " + whileTraining);
        System.out.printf("  training waited for the slider %.1f s of the %.1f s of dragging "
                + "(goal: training slowed by no more than the time dragged)%n", waited, dragged);
        humanMinute(stepsPerSecondBefore);
        onFx(() -> {
            train.pause();
            return null;
        });
        waitUntil(() -> fx(() -> train.stateProperty().get() == SessionState.PAUSED));
        PulseMonitor.Stats paused = latency();
        System.out.println("slider -> redraw, training paused: " + paused);
        onFx(() -> {
            train.stop();
            return null;
        });
        waitUntil(() -> fx(() -> train.stateProperty().get() == SessionState.FINISHED));
    }

    /**
     * About a minute of dragging as a person does it. Each drag: the pointer arrives on a slider (MOUSE_ENTERED, then
     * MOUSE_MOVED every 16 ms for a pointing delay of 150-300 ms, fired on the slider node through JavaFX, so the
     * screen's own handlers see them), press, 1-3 s of moves 20-50 ms apart (each a MOUSE_DRAGGED and a new value,
     * measured like {@link #latency()}), release, exit, and 0.5-2 s with the pointer elsewhere. Seeded.
     */
    private void humanMinute(double stepsPerSecondBefore) throws Exception {
        Random hand = new Random(11);
        var gate = InteractionGate.shared();
        List<Long> all = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        List<Long> early = new ArrayList<>(); // moves 2-4 of a drag
        List<Long> later = new ArrayList<>();
        long draggedNanos = 0;
        long approachNanos = 0;
        int drags = 0;
        long waited0 = gate.waitedNanos();
        long steps0 = onFx(() -> train.stepProperty().get());
        long start = System.nanoTime();
        long end = start + minute * 1_000_000_000L;
        while (System.nanoTime() < end) {
            int slot = hand.nextInt(ExploreViewModel.SLIDERS);
            Slider slider = onFx(() ->
                    (Slider) explore.lookup("#slider" + slot));
            long approach0 = System.nanoTime();
            fire(slider, MouseEvent.MOUSE_ENTERED, false);
            long pointing = 150 + hand.nextInt(151);
            long pointingEnd = System.nanoTime() + pointing * 1_000_000L;
            while (System.nanoTime() < pointingEnd) {
                fire(slider, MouseEvent.MOUSE_MOVED, false);
                Thread.sleep(16);
            }
            fire(slider, MouseEvent.MOUSE_PRESSED, true);
            long press = System.nanoTime();
            approachNanos += press - approach0;
            long dragEnd = press + (1000 + hand.nextInt(2001)) * 1_000_000L;
            double value = onFx(() -> explore.viewModel().sliders().sliderProperty(slot).get());
            int index = 0;
            while (System.nanoTime() < dragEnd) {
                double next = Math.max(-3, Math.min(3, value + (hand.nextBoolean() ? 1 : -1)
                        * (0.05 + 0.25 * hand.nextDouble())));
                value = next != value ? next : value > 0 ? value - 0.2 : value + 0.2; // at an end: turn back
                fire(slider, MouseEvent.MOUSE_DRAGGED, true);
                long n = probe(slot, value, new long[1]);
                all.add(n);
                (index == 0 ? firsts : index < 4 ? early : later).add(n);
                index++;
                Thread.sleep(20 + hand.nextInt(31));
            }
            fire(slider, MouseEvent.MOUSE_RELEASED, false);
            fire(slider, MouseEvent.MOUSE_EXITED, false);
            draggedNanos += System.nanoTime() - press;
            drags++;
            Thread.sleep(500 + hand.nextInt(1501)); // the pointer elsewhere: the class, the Train screen
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long steps = onFx(() -> train.stepProperty().get()) - steps0;
        double waited = (gate.waitedNanos() - waited0) / 1e9;
        double dragged = draggedNanos / 1e9;
        double rate = steps / elapsed;
        System.out.printf("a minute of dragging like a person: %d drags in %.1f s, %.1f s pressed and dragging "
                + "(+ %.1f s pointing before the presses)%n", drags, elapsed, dragged, approachNanos / 1e9);
        System.out.println("  slider -> redraw, all moves: " + PulseMonitor.Stats.of(unbox(all)));
        System.out.println("  slider -> redraw, first move of each drag: " + PulseMonitor.Stats.of(unbox(firsts)));
        System.out.println("  slider -> redraw, moves 2-4 of each drag: " + PulseMonitor.Stats.of(unbox(early)));
        System.out.println("  slider -> redraw, later moves: " + PulseMonitor.Stats.of(unbox(later)));
        System.out.printf("  training waited for the user %.1f s; %d steps, %.3f steps/s (before: %.3f steps/s)%n",
                waited, steps, rate, stepsPerSecondBefore);
        double lostSeconds = elapsed - steps / stepsPerSecondBefore;
        System.out.printf("  training time lost: %.1f s of the %.1f s (the goal: at most the %.1f s dragged)%n",
                lostSeconds, elapsed, dragged);
    }

    private static long[] unbox(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Fires a mouse event at the middle of {@code node} through JavaFX's event dispatch (filters and handlers). */
    private static void fire(Node node, EventType<MouseEvent> type,
                             boolean primaryDown) throws Exception {
        onFx(() -> {
            var b = node.getLayoutBounds();
            double x = b.getCenterX();
            double y = b.getCenterY();
            var screen = node.localToScreen(x, y);
            boolean buttonEvent = type == MouseEvent.MOUSE_PRESSED
                    || type == MouseEvent.MOUSE_RELEASED
                    || type == MouseEvent.MOUSE_DRAGGED;
            Event.fireEvent(node, new MouseEvent(type, x, y,
                    screen == null ? x : screen.getX(), screen == null ? y : screen.getY(),
                    buttonEvent ? MouseButton.PRIMARY : MouseButton.NONE,
                    buttonEvent ? 1 : 0, false, false, false, false, primaryDown, false, false, false, false,
                    false, null));
            return null;
        });
    }

    /** Sets one slider and returns the nanoseconds until the frame that shows the new image was drawn. */
    private long probe(int slot, double value, long[] arrivedOut) throws Exception {
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        long[] arrival = new long[1];
        onFx(() -> {
            long t0 = System.nanoTime();
            var before = explore.mainImage().frame();
            ChangeListener<Object> seen = (o, a, b) -> {
                if (arrival[0] == 0) {
                    arrival[0] = System.nanoTime() - t0;
                }
            };
            explore.viewModel().imageProperty().addListener(seen);
            pulses.setOnPulse(() -> {
                if (explore.mainImage().frame() != before) {
                    explore.viewModel().imageProperty().removeListener(seen);
                    pulses.setOnPulse(() -> { });
                    drawn.complete(System.nanoTime() - t0);
                }
            });
            explore.viewModel().sliders().sliderProperty(slot).set(value);
            return null;
        });
        long n = drawn.get(60, TimeUnit.SECONDS);
        arrivedOut[0] = arrival[0];
        return n;
    }

    /**
     * Moves a slider, then waits for the new image to be on the FX side and for the pulse that draws it; repeats.
     * Sequential on purpose: each probe measures one change end to end, with nothing queued before it.
     */
    private PulseMonitor.Stats latency() throws Exception {
        long[] nanos = new long[probes];
        long[] arrived = new long[probes];
        for (int i = 0; i < probes; i++) {
            double value = random.nextDouble() * 6 - 3;
            int slot = i % ExploreViewModel.SLIDERS;
            long[] arrival = new long[1];
            nanos[i] = probe(slot, value, arrival);
            arrived[i] = arrival[0];
            Thread.sleep(20 + random.nextInt(30)); // a hand on a slider, not a flood
        }
        System.out.println("  of which generator until the image reached the FX thread: "
                + PulseMonitor.Stats.of(arrived));
        return PulseMonitor.Stats.of(nanos);
    }

    private static boolean checkpointExists(Path run) {
        try (var files = Files.list(run.resolve("checkpoints"))) {
            return files.anyMatch(p -> p.toString().endsWith(".gsc"));
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static boolean fx(BooleanSupplier condition) throws Exception {
        return onFx(condition::getAsBoolean);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(100);
        }
    }
}
