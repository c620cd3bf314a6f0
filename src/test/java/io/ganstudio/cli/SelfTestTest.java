package io.ganstudio.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The installer's smoke test passes on a working installation and says what it did. */
class SelfTestTest {

    @Test
    void selfTestTrainsAndReports() {
        CliRun r = CliRun.of("--self-test");
        assertEquals(Cli.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("engine:") && r.out().contains("trained:  20 steps")
                && r.out().contains("self test passed"), r.out());
        assertTrue(r.out().contains("config.json") && r.out().contains(".png"), r.out());
    }
}
