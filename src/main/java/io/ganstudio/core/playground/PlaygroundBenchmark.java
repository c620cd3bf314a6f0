package io.ganstudio.core.playground;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How fast the playground trains while it is drawn, as the studio runs it: one thread trains as fast as it can and
 * publishes a frame 40 times a second ({@link PlaygroundRunner}); a second thread paints the newest frame into a
 * square picture 40 times a second, as the screen does. Prints steps per second and painted frames per second.
 */
public final class PlaygroundBenchmark {

    /**
     * The figures; times in milliseconds. The CPU figures (time the thread itself ran) depend far less on other
     * programs than the wall-clock ones: on a busy machine they say what a quiet one would do.
     */
    public record Result(String distribution, double seconds, long steps, double stepsPerSecond, int framesPainted,
                         double framesPerSecond, double paintMsP50, double paintMsP99, int paintSize,
                         double untimedStepsPerSecond, double trainCpuMsPerStep, double paintCpuMsPerFrame) {
    }

    private PlaygroundBenchmark() {
    }

    public static Result run(PlaygroundConfig config, Preset preset, double seconds, int paintSize)
            throws InterruptedException {
        double[] real = PlaygroundGan.realPoints(preset, config.seed());
        // Training alone, without drawing, for comparison.
        PlaygroundGan alone = new PlaygroundGan(config, real);
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            alone.trainStep();
            n++;
        }
        double untimed = n / ((System.nanoTime() - t0) / 1e9);

        AtomicReference<PlaygroundFrame> latest = new AtomicReference<>();
        PlaygroundRunner runner = new PlaygroundRunner(new PlaygroundGan(config, real), 0, latest::set);
        long[] steps = new long[1];
        long[] trainCpu = new long[1];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Thread trainer = new Thread(() -> {
            long c0 = cpu.getCurrentThreadCpuTime();
            steps[0] = runner.play();
            trainCpu[0] = cpu.getCurrentThreadCpuTime() - c0;
        }, "playground-bench-train");
        long paintCpu = 0;
        List<Double> paintMs = new ArrayList<>();
        long start = System.nanoTime();
        trainer.start();
        long frameNanos = 1_000_000_000L / PlaygroundRunner.FPS;
        long next = start;
        PlaygroundFrame shown = null;
        while (System.nanoTime() - start < (long) (seconds * 1e9)) {
            long now = System.nanoTime();
            if (now < next) {
                Thread.sleep((next - now) / 1_000_000L, (int) ((next - now) % 1_000_000L));
                continue;
            }
            next += frameNanos;
            PlaygroundFrame f = latest.get();
            if (f == null || f == shown) {
                continue;
            }
            long p0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            AwtSurface surface = new AwtSurface(paintSize, paintSize);
            PlaygroundPainter.paint(f, PlaygroundPainter.Layers.ALL, surface, 0, 0, paintSize);
            surface.argb();
            paintMs.add((System.nanoTime() - p0) / 1e6);
            paintCpu += cpu.getCurrentThreadCpuTime() - c0;
            shown = f;
        }
        runner.pause();
        trainer.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] ms = paintMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(preset.cliName(), elapsed, steps[0], steps[0] / elapsed, ms.length, ms.length / elapsed,
                percentile(ms, 0.5), percentile(ms, 0.99), paintSize, untimed,
                steps[0] == 0 ? Double.NaN : trainCpu[0] / 1e6 / steps[0],
                ms.length == 0 ? Double.NaN : paintCpu / 1e6 / ms.length);
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1) + 0.5))];
    }

}
