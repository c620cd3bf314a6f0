package io.ganstudio.cli;

import com.google.gson.GsonBuilder;
import io.ganstudio.core.bench.TrainingBenchmark;

import java.util.Locale;

/** The benchmark's result as a table a person reads, or as one JSON object for scripts. */
final class BenchmarkTable {

    private BenchmarkTable() {
    }

    static String format(TrainingBenchmark.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %d cores, %d threads%n", r.engine(), r.cores(), r.threads()));
        if (Double.isFinite(r.peakGflops())) {
            sb.append(String.format(Locale.ROOT, "convolution peak: %.1f GFLOP/s (%s, best run)%n", r.peakGflops(),
                    r.peakShape()));
        }
        sb.append(String.format(Locale.ROOT, "%-12s %6s %10s %9s %13s %12s %10s %9s %9s%n", "model", "batch",
                "ms/step", "img/s", "CPU s/step", "GFLOP/step", "GFLOP/s", "of peak", "G avg"));
        for (TrainingBenchmark.CaseResult c : r.cases()) {
            sb.append(String.format(Locale.ROOT, "%-12s %6d %10.1f %9.1f %13.3f %12.2f %10.1f %9s %8.1f%%%n", c.name(),
                    c.batch(), c.stepSeconds() * 1e3, c.imagesPerSecond(), c.cpuSecondsPerStep(), c.gflopPerStep(),
                    c.achievedGflops(),
                    Double.isFinite(c.fractionOfPeak()) ? String.format(Locale.ROOT, "%.2f", c.fractionOfPeak())
                            : "-", 100 * c.averageCpuShare()));
        }
        if (r.latency() != null) {
            sb.append(String.format(Locale.ROOT, "generator latency, one %s image: p50 %.2f ms, p99 %.2f ms "
                    + "(%d calls)%n", r.latency().name(), r.latency().p50Millis(), r.latency().p99Millis(),
                    r.latency().calls()));
        }
        sb.append("ms/step is the median step; CPU s/step counts all of this process's threads; G avg is the "
                + "CPU cost of updating the generator's weight average, as a share of a step.");
        return sb.toString();
    }

    /** Field names as in the records; a figure not measured (e.g. no peak) is NaN. */
    static String json(TrainingBenchmark.Result r) {
        return new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(r);
    }
}
