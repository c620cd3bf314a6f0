package io.ganstudio.ui.bench;

import com.sun.management.OperatingSystemMXBean;
import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.StudioStyle;
import io.ganstudio.ui.playground.PlaygroundText;
import io.ganstudio.ui.playground.PlaygroundView;
import io.ganstudio.ui.playground.PlaygroundViewModel;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The Playground screen as a class sees it: the screen in a 1280x800 window, training with the default settings
 * through the studio's background helper, the canvas redrawn on the display's pulse. Prints training steps per
 * second, canvas frames painted per second, the gaps between JavaFX pulses, and the process's CPU use.
 * {@code java -cp gan-studio.jar io.ganstudio.ui.bench.PlaygroundUiBenchmark [SECONDS] [STEPS_PER_S, 0 = max]}
 * (under Xvfb or a desktop).
 */
public final class PlaygroundUiBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int pace = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        BackgroundTasks tasks = new BackgroundTasks();
        PulseMonitor pulses = new PulseMonitor();
        PlaygroundViewModel vm = onFx(() -> new PlaygroundViewModel(
                job -> tasks.job("playground", c -> {
                    job.run();
                    return null;
                }).start(), Platform::runLater, () -> Locale.ENGLISH));
        PlaygroundView view = onFx(() -> {
            PlaygroundView v = new PlaygroundView(vm, new PlaygroundText(Locale.ENGLISH), () -> null);
            Stage stage = new Stage();
            Scene scene = new Scene(v, 1280, 800);
            scene.getStylesheets().add(StudioStyle.sheet());
            stage.setScene(scene);
            stage.show();
            pulses.start();
            return v;
        });
        Thread.sleep(3000); // let the window settle
        System.out.printf(Locale.ROOT, "Playground UI benchmark: default settings, ring, %s, %d s, %d cores%n",
                pace == 0 ? "as fast as possible" : pace + " steps/s", seconds,
                Runtime.getRuntime().availableProcessors());
        long cpu0 = processCpuNanos();
        Map<String, Long> threads0 = threadCpu();
        long t0 = System.nanoTime();
        long frames0 = onFx(view::framesPainted);
        onFx(() -> {
            vm.speedProperty().set(pace);
            pulses.reset();
            vm.play();
            return null;
        });
        Thread.sleep(seconds * 1000L);
        long steps = onFx(() -> {
            vm.pause();
            return vm.stepProperty().get();
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        long frames = onFx(view::framesPainted) - frames0;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Map<String, Long> threads1 = threadCpu();
        double fxCpu = delta(threads0, threads1, "JavaFX Application Thread");
        double renderCpu = delta(threads0, threads1, "QuantumRenderer");
        double trainCpu = delta(threads0, threads1, "studio-background");
        System.out.printf(Locale.ROOT, "%.0f training steps/s, %.1f canvas frames/s painted, pulse gaps %s, "
                + "process CPU %.2f of %d cores%n", steps / wall, frames / wall, onFx(pulses::stats), cpu / wall,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "CPU time: training thread %.3f ms per step; FX thread %.2f ms and JavaFX's "
                + "render thread %.2f ms per painted frame%n", 1000 * trainCpu / Math.max(1, steps),
                1000 * fxCpu / Math.max(1, frames), 1000 * renderCpu / Math.max(1, frames));
        System.out.printf(Locale.ROOT, "so on a quiet 2-core machine (training on one core, drawing on the other): "
                + "about %.0f steps/s and %.0f frames/s%n", steps / Math.max(1e-9, trainCpu),
                frames / Math.max(1e-9, fxCpu + renderCpu));
        Platform.exit();
        System.exit(0);
    }

    /** CPU seconds of the threads whose name starts with the prefix, between two readings. */
    private static double delta(Map<String, Long> a, Map<String, Long> b, String prefix) {
        long sum = 0;
        for (var e : b.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum += e.getValue() - a.getOrDefault(e.getKey(), 0L);
            }
        }
        return sum / 1e9;
    }

    /** CPU nanoseconds per live thread, by name and id. */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> m = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long c = mx.getThreadCpuTime(t.getThreadId());
                if (c >= 0) {
                    m.put(t.getThreadName() + "#" + t.getThreadId(), c);
                }
            }
        }
        return m;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }
}
