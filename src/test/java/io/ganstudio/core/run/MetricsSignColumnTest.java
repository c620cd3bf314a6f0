package io.ganstudio.core.run;

import io.ganstudio.core.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** metrics.csv's d_real_sign column: written for every step, and files from before it are still read. */
class MetricsSignColumnTest {

    @Test
    void theSignRoundTripsAndOlderFilesStillRead(@TempDir Path dir) throws Exception {
        MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"));
        csv.create();
        StepMetrics m = new StepMetrics(1, 0.5, 1.2f, 0.8f, 0.7f, 0.3f, 100, Double.NaN, Double.NaN, 0.625f);
        csv.append(List.of(m));
        csv.flush();
        assertEquals(List.of(m), csv.read());
        assertTrue(Files.readAllLines(dir.resolve("metrics.csv")).get(1).endsWith(",,,0.625"));

        Path old = dir.resolve("old.csv");
        Files.writeString(old, MetricsCsv.AUGMENT_HEADER + "\n1,0.500,1.2,0.8,0.7,0.3,100.0,0.25,0.5\n");
        StepMetrics read = new MetricsCsv(old).read().get(0);
        assertEquals(0.5, read.augmentR(), 1e-6);
        assertTrue(Double.isNaN(read.realSign()), "not measured then");
    }
}
