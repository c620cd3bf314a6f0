package io.ganstudio.cli;

import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.session.SessionEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainProgressTest {

    @Test
    void durationsReadNaturally() {
        assertEquals("0m05s", TrainProgress.duration(5));
        assertEquals("2m00s", TrainProgress.duration(120));
        assertEquals("1h01m", TrainProgress.duration(3660));
        assertEquals("--", TrainProgress.duration(Double.NaN));
    }

    @Test
    void terminalLineFitsEightyColumnsEvenForLongRuns() {
        TrainProgress p = new TrainProgress(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true, false, 100_000, 64);
        StepMetrics m = new StepMetrics(12_345, 3600, 1.2345, 12.345, 0.987, 0.012, 123.4);
        p.accept(new SessionEvent.Metrics(List.of(m)));
        String line = p.shortLine(m);
        assertTrue(line.length() < 80, line.length() + ": " + line);
        assertTrue(line.contains("12345/100000") && line.contains("img/s") && line.contains("ETA"), line);
    }

    @Test
    void plainOutputPrintsWholeLinesWithoutCarriageReturns() {
        StringWriter out = new StringWriter();
        TrainProgress p = new TrainProgress(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false,
                10, 64);
        for (int i = 1; i <= 10; i++) {
            p.accept(new SessionEvent.Metrics(List.of(new StepMetrics(i, i, 1, 1, 0.5, 0.5, 100))));
        }
        p.accept(new SessionEvent.Finished(10, true));
        assertTrue(!out.toString().contains("\r") && out.toString().contains("step 10/10"), out.toString());
    }
}
