package io.ganstudio.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionGateTest {

    /** A clock that moves on by a fixed amount each time it is read. */
    private static final class SteppingClock implements InteractionGate.Clock {
        long now;
        long step;

        SteppingClock(long step) {
            this.step = step;
        }

        @Override
        public long nanoTime() {
            now += step;
            return now;
        }
    }

    @Test
    void openUntilSomebodyInteracts() throws Exception {
        InteractionGate gate = new InteractionGate(new SteppingClock(1));
        assertFalse(gate.busy());
        assertTrue(gate.awaitQuiet(0), "the command line never interacts: the gate is open at once");
    }

    @Test
    void closedWhileARenderRunsAndForTheGraceAfterIt() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        gate.begin();
        clock.now += 10 * InteractionGate.GRACE_NANOS;
        assertTrue(gate.busy(), "a render in flight keeps it closed however long it takes");
        gate.end();
        assertTrue(gate.busy(), "a hand on a slider moves again soon: closed for the grace");
        clock.now += InteractionGate.GRACE_NANOS - 1;
        assertTrue(gate.busy());
        clock.now += 2;
        assertFalse(gate.busy());
    }

    @Test
    void awaitGivesUpAfterItsSliceWhileARenderRunsAndOpensAfterTheGrace() throws Exception {
        SteppingClock clock = new SteppingClock(5_000_000L);
        InteractionGate gate = new InteractionGate(clock);
        gate.begin();
        assertFalse(gate.awaitQuiet(50_000_000L), "returns after the slice, so that commands are looked at");
        gate.end();
        assertTrue(gate.awaitQuiet(10 * InteractionGate.GRACE_NANOS), "opens once the grace has passed");
        assertTrue(gate.waitedNanos() > 0);
    }

    @Test
    void aDisabledGateIsAlwaysOpen() throws Exception {
        InteractionGate gate = new InteractionGate(new SteppingClock(0), false);
        gate.begin();
        assertFalse(gate.busy());
        assertTrue(gate.awaitQuiet(1));
    }

    @Test
    void moreEndsThanBeginsNeverJamIt() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        gate.end();
        gate.end();
        gate.begin();
        gate.end();
        clock.now += InteractionGate.GRACE_NANOS + 1;
        assertFalse(gate.busy());
        assertEquals(0, gate.waitedNanos());
    }
}
