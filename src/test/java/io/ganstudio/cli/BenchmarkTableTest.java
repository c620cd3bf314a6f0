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
}
