package io.ganstudio.cli;

import io.ganstudio.core.engine.AppDirs;

import io.ganstudio.core.data.DataBenchmark;
import io.ganstudio.core.metrics.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Training speed on this machine, compared with its own convolution peak; or data loading speed with --data. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time full training steps (D step + G step) of DCGAN ngf=ndf=64, nz=100, batch 64 at "
                + "64x64 RGB, 32x32 RGB and 28x28 grayscale on random data, and one-image generator latency at "
                + "64x64. Compares the achieved GFLOP/s with a large convolution timed in the same process.",
                "Close other busy programs first: the figures are only as quiet as the machine."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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

    @Override
    public Integer call() throws Exception {
        if (warmup < 0 || steps < 1 || latencyCalls < 0) {
            throw new UsageError("--warmup must be at least 0, --steps at least 1, --latency-calls at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (data) {
            return dataBench(out);
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

    /** Generated images stay in the cache folder, so a second run times the loader, not the generation. */
    private int dataBench(PrintWriter out) throws Exception {
        Path work = Files.createDirectories(AppDirs.datasetCacheDir().resolve("data-bench"));
        out.println(DataBenchmark.run(work, 10_000, 64));
        out.println("(generated images kept in " + work + " for the next run; delete the folder to free the space)");
        return Cli.OK;
    }
}
