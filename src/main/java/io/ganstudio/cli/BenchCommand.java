package io.ganstudio.cli;

import io.ganstudio.core.bench.DeviceCheck;
import io.ganstudio.core.bench.MemoryBenchmark;
import io.ganstudio.core.bench.TrainingBenchmark;
import io.ganstudio.core.data.DataBenchmark;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Training speed on this machine, compared with its own convolution peak; or data loading speed with --data. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time full training steps (D step + G step) of DCGAN ngf=ndf=64, nz=100, batch 64 at "
                + "64x64 RGB, 32x32 RGB and 28x28 grayscale on random data, and one-image generator latency at "
                + "64x64. Compares the achieved GFLOP/s with a large convolution timed in the same process.",
                "With --engine both: MXNet, then PyTorch, each in a process of its own, printed side by side with "
                        + "the date and the load average.",
                "With --gpu-check: check a GPU (for a GPU build: mvn -Pgpu package -DskipTests): train the 28x28 "
                        + "grayscale DCGAN on the built-in images on it, check that the discriminator's loss fell "
                        + "and that the trained weights give the same images on the CPU, print images/s.",
                "Close other busy programs first: the figures are only as quiet as the machine."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    EngineOption engine = new EngineOption();

    @Option(names = "--warmup", paramLabel = "STEPS", defaultValue = "3",
            description = "Untimed steps per model first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--steps", paramLabel = "STEPS", defaultValue = "10",
            description = "Timed steps per model. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--latency-calls", paramLabel = "N", defaultValue = "200",
            description = "Timed one-image generator calls. Default: ${DEFAULT-VALUE}.")
    int latencyCalls;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--data", description = "Benchmark dataset decoding instead: 10,000 generated images "
            + "of mixed sizes, opened without and with the cache.")
    boolean data;

    @Option(names = "--memory", description = "Benchmark memory instead: train the 28x28 grayscale DCGAN (batch 64) "
            + "and print resident memory every 500 steps. For figures that show only native memory, fix and "
            + "pre-touch the Java heap: java -Xms384m -Xmx384m -XX:+AlwaysPreTouch -jar gan-studio.jar bench --memory")
    boolean memory;

    @Option(names = "--memory-steps", paramLabel = "N", defaultValue = "10000",
            description = "Steps for --memory. Default: ${DEFAULT-VALUE}.")
    long memorySteps;

    @Option(names = "--gpu-check", description = "Check a GPU instead (PyTorch on the GPU unless --engine and "
            + "--device say otherwise; --device cpu checks the check itself): --check-steps training steps of the "
            + "28x28 DCGAN on the built-in images, the discriminator's loss must fall and the same images come from "
            + "the CPU within a mean absolute difference of 0.001. Exit code 0 when both hold, 1 when not.")
    boolean gpuCheck;

    @Option(names = "--check-steps", paramLabel = "N", defaultValue = "300",
            description = "Steps for --gpu-check. Default: ${DEFAULT-VALUE}.")
    int checkSteps;

    @Override
    public Integer call() throws Exception {
        Ranges.check("--warmup", warmup, 0, 1000);
        Ranges.check("--steps", steps, 1, 10_000);
        Ranges.check("--latency-calls", latencyCalls, 0, 100_000);
        Ranges.check("--memory-steps", memorySteps, 1000, 1_000_000);
        Ranges.check("--check-steps", checkSteps, 50, 100_000);
        PrintWriter out = spec.commandLine().getOut();
        if (data) {
            return dataBench(out);
        }
        if (engine.engine != null && engine.engine.trim().equalsIgnoreCase("both")) {
            return bothEngines(out);
        }
        if (gpuCheck) {
            return gpuCheck(out);
        }
        engine.start(EngineChoice.AUTO);
        if (memory) {
            return memoryBench(out);
        }
        TrainingBenchmark.Options std = TrainingBenchmark.Options.standard(warmup, steps);
        TrainingBenchmark.Options options = new TrainingBenchmark.Options(std.cases(), std.latencyCase(), warmup,
                steps, latencyCalls, std.peakRuns(), std.peakBatch(), std.peakChannels(), std.peakSize());
        PrintWriter err = spec.commandLine().getErr();
        TrainingBenchmark.Result r = TrainingBenchmark.run(options, line -> {
            err.println(line);
            err.flush();
        });
        out.println(json ? BenchmarkTable.json(r) : BenchmarkTable.format(r));
        return Cli.OK;
    }

    private int gpuCheck(PrintWriter out) {
        if (memory) {
            throw new UsageError("--gpu-check and --memory are two different runs: give one of them");
        }
        engine.start(EngineChoice.PYTORCH, DeviceChoice.GPU);
        PrintWriter err = spec.commandLine().getErr();
        ImageDataset images;
        try {
            images = DatasetLoader.load(DataSpec.builtIn(), 28, LoadOptions.defaults(), (done, total) -> { })
                    .dataset();
        } catch (DatasetException e) {
            throw new UsageError("the built-in images could not be read: " + e.getMessage());
        }
        DeviceCheck.Result r = DeviceCheck.run(images, checkSteps, line -> {
            err.println(line);
            err.flush();
        });
        out.printf(Locale.ROOT, "device:            %s (%s)%n", r.device(), EngineSetup.engine().djlName());
        out.printf(Locale.ROOT, "training:          %d steps of the 28x28 DCGAN, batch 64, %.1f images/s%n",
                r.steps(), r.imagesPerSecond());
        out.printf(Locale.ROOT, "discriminator:     loss %.3f over the first %d steps, %.3f over the last: %s%n",
                r.dLossFirst(), 20, r.dLossLast(), r.lossFell() ? "fell" : "did NOT fall");
        out.printf(Locale.ROOT, "images on the CPU: mean |difference| %.2e, max %.2e (allowed mean %.0e): %s%n",
                r.meanDifference(), r.maxDifference(), DeviceCheck.MAX_MEAN_DIFFERENCE,
                r.imagesAgree() ? "the same" : "DIFFERENT");
        out.println(r.passed() ? "gpu check passed" : "gpu check FAILED");
        return r.passed() ? Cli.OK : Cli.FAILED;
    }

    /** The training benchmark on each engine in turn, each in a child JVM, side by side. */
    private int bothEngines(PrintWriter out) throws IOException, InterruptedException {
        if (memory) {
            throw new UsageError("--engine both times training steps; run --memory once per engine "
                    + "(--engine mxnet, --engine pytorch)");
        }
        List<String> args = new ArrayList<>(List.of("--warmup", Integer.toString(warmup), "--steps",
                Integer.toString(steps), "--latency-calls", Integer.toString(latencyCalls)));
        if (engine.deviceGiven()) {
            args.addAll(List.of("--device", engine.device));
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        String context = String.format(Locale.ROOT, "%s, %s %s, %d cores, load average %s before the first run: "
                        + "gan-studio bench --engine both %s (each engine in a process of its own, one after the other)",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(
                        ZonedDateTime.now(ZoneOffset.UTC)), os.getName(), os.getArch(), os.getAvailableProcessors(),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load), String.join(" ", args));
        PrintWriter err = spec.commandLine().getErr();
        List<TrainingBenchmark.Result> results = new ArrayList<>();
        for (EngineChoice e : List.of(EngineChoice.MXNET, EngineChoice.PYTORCH)) {
            results.add(EngineComparison.run(e, args, err));
        }
        out.println(json ? BenchmarkTable.json(results) : BenchmarkTable.sideBySide(results, context));
        return Cli.OK;
    }

    /** Resident memory must stay flat: step 10,000 within 5% of step 1,000. */
    private int memoryBench(PrintWriter out) {
        if (memorySteps < 1000) {
            throw new UsageError("--memory-steps must be at least 1000 (the comparison starts at step 1,000)");
        }
        long start = System.nanoTime();
        List<MemoryBenchmark.Sample> samples = MemoryBenchmark.run(MemoryBenchmark.defaultModel(), 64, memorySteps,
                500, sample -> {
                    out.printf(Locale.ROOT, "step %6d  resident %7.1f MB  heap committed %6.1f MB  %5.0f s%n",
                            sample.step(), sample.residentBytes() / 1e6, sample.heapCommittedBytes() / 1e6,
                            (System.nanoTime() - start) / 1e9);
                    out.flush();
                });
        MemoryBenchmark.Sample first = samples.stream().filter(x -> x.step() == 1000).findFirst().orElseThrow();
        MemoryBenchmark.Sample last = samples.get(samples.size() - 1);
        if (first.residentBytes() <= 0) {
            out.println("resident memory cannot be read on this OS (/proc/self/status is Linux-only)");
            return Cli.OK;
        }
        double change = 100.0 * (last.residentBytes() - first.residentBytes()) / first.residentBytes();
        out.printf(Locale.ROOT, "resident memory at step %d: %.1f MB, %+.1f%% of step 1000 (%.1f MB); goal: within 5%%%n",
                last.step(), last.residentBytes() / 1e6, change, first.residentBytes() / 1e6);
        return Cli.OK;
    }

    /** Generated images stay in the cache folder, so a second run times the loader, not the generation. */
    private int dataBench(PrintWriter out) throws Exception {
        Path work = Files.createDirectories(AppDirs.datasetCacheDir().resolve("data-bench"));
        out.println(DataBenchmark.run(work, 10_000, 64));
        out.println("(generated images kept in " + work + " for the next run; delete the folder to free the space)");
        return Cli.OK;
    }
}
