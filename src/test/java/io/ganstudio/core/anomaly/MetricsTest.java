package io.ganstudio.core.anomaly;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricsTest {

    @Test
    void aurocCountsPairsAndTiesHalf() {
        // Anomalous 0.9, 0.5; normal 0.5, 0.1: pairs (0.9>0.5, 0.9>0.1, 0.5=0.5 half, 0.5>0.1) = 3.5 / 4.
        LabelledMetrics m = LabelledMetrics.of(new double[] {0.9, 0.5, 0.5, 0.1},
                new boolean[] {true, true, false, false}, 0.6);
        assertEquals(0.875, m.auroc(), 1e-12);
        assertEquals(1.0, m.precision(), 1e-12);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(2 / 3.0, m.f1(), 1e-12);
        assertEquals(1.0, m.roc().get(m.roc().size() - 1).truePositiveRate());
        assertNull(LabelledMetrics.of(new double[] {1, 2}, new boolean[] {false, false}, 1), "one class only");
    }

    @Test
    void thresholdIsAPercentileNotTheExtreme() {
        double[] scores = new double[101];
        for (int i = 0; i <= 100; i++) {
            scores[i] = i;
        }
        Threshold t = Threshold.of(scores, 99);
        assertEquals(99, t.value(), 1e-12);
        assertEquals(1.0, t.normalise(99), 1e-12);
        assertEquals(95.5, Threshold.of(new double[] {91, 100}, 50).value(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(scores, 20));
    }

    @Test
    void csvQuotesPathsWithCommas() {
        String line = ScoreCsv.line(new ScoreRow("a,b/c.png", true, 1.5, 2, 0.5, 1, true, Double.NaN));
        assertEquals("\"a,b/c.png\",1.50000,2.00000,true,0.500000,1.00000,,anomalous", line);
        assertEquals(List.of("good", "ok", "normal").stream().map(FolderLabels::anomalous).distinct().toList(),
                List.of(false));
        assertEquals(true, FolderLabels.anomalous("crack"));
        assertNull(FolderLabels.anomalous(null));
    }
}
