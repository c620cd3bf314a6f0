package io.ganstudio.ui.bench;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.ExploreView;
import io.ganstudio.ui.explore.ExploreViewModel;
import io.ganstudio.ui.explore.GeneratorOpener;
import io.ganstudio.ui.train.Notifier;
import io.ganstudio.ui.train.SessionFactory;
import io.ganstudio.ui.train.TrainText;
import io.ganstudio.ui.train.TrainView;
import io.ganstudio.ui.train.TrainViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Measures what a class would feel: trains a 64x64 DCGAN on the built-in images with the Train screen showing and
 * records the gaps between JavaFX pulses; then opens the run's checkpoint on the Explore screen and measures how long
 * a latent slider change takes to reach the screen, with training paused and while it runs.
 * Runs under Xvfb or Monocle. Usage: {@code UiBenchmark [seconds=60] [batch=32] [probes=100]}.
 */
public final class UiBenchmark {

    private static final long WAIT_SECONDS = 1800;

    private final int seconds;
    private final int batch;
    private final int probes;
    private final PulseMonitor pulses = new PulseMonitor();
    private TrainViewModel train;
    /** One stream for all probes: a slider set to the value it already has would never redraw. */
    private final Random random = new Random(5);
    private TrainView trainView;
    private ExploreView explore;

    private UiBenchmark(int seconds, int batch, int probes) {
        this.seconds = seconds;
        this.batch = batch;
        this.probes = probes;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        io.ganstudio.core.engine.EngineSetup.preferInteractive(); // measure with the studio's engine settings
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int probes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        int rc = 0;
        try {
            new UiBenchmark(seconds, batch, probes).run();
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
            train = new TrainViewModel(() -> config(batch), runs, SessionFactory.engine(null), Notifier.silent(),
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
        java.util.stream.IntStream.range(0, work.length).boxed()
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
            explore.viewModel().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS);
            return null;
        });
        waitUntil(() -> fx(() -> explore.mainImage().frame() != null));

        long waitedBefore = io.ganstudio.session.InteractionGate.shared().waitedNanos();
        long dragStart = System.nanoTime();
        PulseMonitor.Stats whileTraining = latency();
        double dragged = (System.nanoTime() - dragStart) / 1e9;
        double waited = (io.ganstudio.session.InteractionGate.shared().waitedNanos() - waitedBefore) / 1e9;
        System.out.println("slider -> redraw while training: " + whileTraining);
        System.out.printf("  training waited for the slider %.1f s of the %.1f s of dragging "
                + "(goal: training slowed by no more than the time dragged)%n", waited, dragged);
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
     * Moves a slider, then waits for the new image to be on the FX side and for the pulse that draws it; repeats.
     * Sequential on purpose: each probe measures one change end to end, with nothing queued before it.
     */
    private PulseMonitor.Stats latency() throws Exception {
        long[] nanos = new long[probes];
        long[] arrived = new long[probes];
        for (int i = 0; i < probes; i++) {
            CompletableFuture<Long> drawn = new CompletableFuture<>();
            long[] arrival = new long[1];
            double value = random.nextDouble() * 6 - 3;
            int slot = i % ExploreViewModel.SLIDERS;
            onFx(() -> {
                long t0 = System.nanoTime();
                var before = explore.mainImage().frame();
                javafx.beans.value.ChangeListener<Object> seen = (o, a, b) -> {
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
                explore.viewModel().sliderProperty(slot).set(value);
                return null;
            });
            nanos[i] = drawn.get(60, TimeUnit.SECONDS);
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
