package io.ganstudio.cli;

import com.google.gson.GsonBuilder;
import io.ganstudio.core.bench.TrainingBenchmark;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Several engines' results side by side, one row per model: images per second, share of the engine's own
     * convolution peak and CPU-seconds per step for each; then each peak and each generator latency. {@code context}
     * (when and where it was measured) opens the table.
     */
    static String sideBySide(List<TrainingBenchmark.Result> results, String context) {
        StringBuilder sb = new StringBuilder(context).append(System.lineSeparator());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "model"));
        for (TrainingBenchmark.Result r : results) {
            String name = shortName(r);
            head.append(String.format(Locale.ROOT, " %16s %16s %16s", name + " img/s", name + " of peak",
                    name + " CPU s"));
        }
        sb.append(head.toString().stripTrailing()).append(System.lineSeparator());
        List<String> models = new ArrayList<>();
        results.forEach(r -> r.cases().forEach(c -> {
            if (!models.contains(c.name())) {
                models.add(c.name());
            }
        }));
        for (String model : models) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", model));
            for (TrainingBenchmark.Result r : results) {
                TrainingBenchmark.CaseResult c = r.cases().stream().filter(x -> x.name().equals(model)).findFirst()
                        .orElse(null);
                if (c == null) {
                    row.append(String.format(Locale.ROOT, " %16s %16s %16s", "-", "-", "-"));
                } else {
                    row.append(String.format(Locale.ROOT, " %16.1f %16s %16.3f", c.imagesPerSecond(),
                            Double.isFinite(c.fractionOfPeak())
                                    ? String.format(Locale.ROOT, "%.2f", c.fractionOfPeak()) : "-",
                            c.cpuSecondsPerStep()));
                }
            }
            sb.append(row).append(System.lineSeparator());
        }
        for (TrainingBenchmark.Result r : results) {
            sb.append(String.format(Locale.ROOT, "%s, %d cores, %d threads", r.engine(), r.cores(), r.threads()));
            if (Double.isFinite(r.peakGflops())) {
                sb.append(String.format(Locale.ROOT, "; convolution peak %.1f GFLOP/s (%s)", r.peakGflops(),
                        r.peakShape()));
            }
            if (r.latency() != null) {
                sb.append(String.format(Locale.ROOT, "; generator latency, one %s image: p50 %.2f ms, p99 %.2f ms "
                        + "(%d calls)", r.latency().name(), r.latency().p50Millis(), r.latency().p99Millis(),
                        r.latency().calls()));
            }
            sb.append(System.lineSeparator());
        }
        sb.append("img/s from the median step; of peak: the share of that engine's own convolution peak; CPU s: "
                + "CPU-seconds per step, all of the engine's threads.");
        return sb.toString();
    }

    /** The engine's name without its version: "MXNet 1.9.0" is MXNet. */
    private static String shortName(TrainingBenchmark.Result r) {
        int space = r.engine().indexOf(' ');
        return space < 0 ? r.engine() : r.engine().substring(0, space);
    }

    /** Field names as in the records; a figure not measured (e.g. no peak) is NaN. */
    static String json(TrainingBenchmark.Result r) {
        return new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(r);
    }

    /** Several results as one JSON array, in the order they ran. */
    static String json(List<TrainingBenchmark.Result> results) {
        return new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(results);
    }
}
