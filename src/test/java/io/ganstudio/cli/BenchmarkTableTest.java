package io.ganstudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ganstudio.core.bench.TrainingBenchmark;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's table and JSON carry every figure. */
class BenchmarkTableTest {

    private static TrainingBenchmark.Result result() {
        TrainingBenchmark.CaseResult c = new TrainingBenchmark.CaseResult("64x64 RGB", 64, 3, 64, 10, 0.94, 68.1,
                1.85, 173.53, 184.6, 0.62, 0.0123);
        return new TrainingBenchmark.Result("MXNet 1.9.0", 2, 2, 297.0, "3x3 conv 256->256 on 64x32x32", List.of(c),
                new TrainingBenchmark.Latency("64x64 RGB", 200, 4.8, 12.2));
    }

    @Test
    void tableShowsThroughputAndPeakRatio() {
        String t = BenchmarkTable.format(result());
        assertTrue(t.contains("297.0 GFLOP/s") && t.contains("68.1") && t.contains("0.62") && t.contains("p99 12.20")
                && t.contains("1.2%"),
                t);
    }

    @Test
    void jsonIsOneObjectWithTheSameFigures() {
        JsonObject o = JsonParser.parseString(BenchmarkTable.json(result())).getAsJsonObject();
        assertEquals(297.0, o.get("peakGflops").getAsDouble());
        assertEquals(68.1, o.getAsJsonArray("cases").get(0).getAsJsonObject().get("imagesPerSecond").getAsDouble());
        assertEquals(4.8, o.getAsJsonObject("latency").get("p50Millis").getAsDouble());
    }

    @Test
    void bothEnginesStandSideBySideAndAChildsJsonIsReadBackWithNaN() {
        TrainingBenchmark.CaseResult c = new TrainingBenchmark.CaseResult("64x64 RGB", 64, 3, 64, 10, 1.2, 53.3,
                2.4, 173.53, 144.6, Double.NaN, 0.01);
        TrainingBenchmark.Result pytorch = new TrainingBenchmark.Result("PyTorch 2.7.1", 2, 2, Double.NaN, "",
                List.of(c), new TrainingBenchmark.Latency("64x64 RGB", 200, 6.1, 14.9));
        String t = BenchmarkTable.sideBySide(List.of(result(), pytorch), "2026-12-06 03:40 UTC, load average 1.00");
        List<String> lines = t.lines().toList();
        assertEquals("2026-12-06 03:40 UTC, load average 1.00", lines.get(0));
        assertTrue(lines.get(1).contains("MXNet img/s") && lines.get(1).contains("PyTorch img/s"), t);
        String row = lines.get(2);
        assertTrue(row.startsWith("64x64 RGB") && row.contains("68.1") && row.contains("0.62") && row.contains("53.3")
                && row.contains("2.400") && row.trim().split("\\s+").length == 8, row);
        assertTrue(t.contains("MXNet 1.9.0, 2 cores, 2 threads; convolution peak 297.0 GFLOP/s") && t.contains(
                "PyTorch 2.7.1, 2 cores, 2 threads; generator latency, one 64x64 RGB image: p50 6.10 ms"), t);

        TrainingBenchmark.Result read = EngineComparison.parse(io.ganstudio.core.engine.EngineChoice.PYTORCH,
                "some engine's note\n" + BenchmarkTable.json(pytorch) + "\n");
        assertEquals(pytorch.cases().get(0).imagesPerSecond(), read.cases().get(0).imagesPerSecond());
        assertTrue(Double.isNaN(read.peakGflops()));
        assertEquals(pytorch.latency(), read.latency());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> EngineComparison.parse(io.ganstudio.core.engine.EngineChoice.MXNET, "killed\n"));
        assertTrue(e.getMessage().contains("MXNet benchmark printed no result"), e.getMessage());
    }
}
