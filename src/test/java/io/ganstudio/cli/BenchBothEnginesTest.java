package io.ganstudio.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bench --engine both` runs each engine in a child JVM and prints both, side by side. */
class BenchBothEnginesTest {

    @Test
    void eachEngineRunsInItsOwnProcessAndTheTableHoldsBoth() {
        CliRun r = CliRun.of("bench", "--engine", "both", "--warmup", "0", "--steps", "1", "--latency-calls", "2");
        assertEquals(Cli.OK, r.exitCode(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, .*, \\d+ cores, load average .* before "
                + "the first run: gan-studio bench --engine both --warmup 0 --steps 1 --latency-calls 2 .*"), lines[0]);
        assertTrue(lines[1].contains("MXNet img/s") && lines[1].contains("PyTorch img/s"), r.out());
        for (String model : new String[] {"64x64 RGB", "32x32 RGB", "28x28 gray"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(model) && l.trim().split("\\s+").length
                    == model.split(" ").length + 6), model + " in\n" + r.out());
        }
        assertTrue(r.out().contains("\nMXNet 1.9.0, ") && r.out().contains("\nPyTorch 2.7.1, ")
                && r.out().contains("generator latency"), r.out());
        assertTrue(r.err().contains("[mxnet] ") && r.err().contains("[pytorch] "), r.err());
    }

    @Test
    void memoryIsOneEngineAtATime() {
        CliRun r = CliRun.of("bench", "--engine", "both", "--memory");
        assertEquals(Cli.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("run --memory once per engine"), r.err());
    }
}
