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

    @Test
    void theHandOnItsWayClosesItForTheGraceWithoutARender() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        clock.now = 1_000_000_000L;
        assertFalse(gate.nearby());
        gate.touch();
        assertTrue(gate.busy(), "the pointer moved over the sliders: the step in flight finishes, no new one");
        assertTrue(gate.nearby());
        clock.now += InteractionGate.GRACE_NANOS + 1;
        assertFalse(gate.busy(), "a pointer resting over the sliders does not hold training");
        assertTrue(gate.nearby(), "the user is still about: steps wait between their halves");
        clock.now += InteractionGate.NEARBY_NANOS;
        assertFalse(gate.nearby());
    }

    @Test
    void aPointerWavedOverTheSlidersHoldsTrainingAtMostTheHoverLimit() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        long start = clock.now = 5_000_000_000L;
        long closedUntil = start;
        // moving every 20 ms for 5 s, never dragging
        for (long t = start; t < start + 5_000_000_000L; t += 20_000_000L) {
            clock.now = t;
            gate.touch();
            if (gate.busy()) {
                closedUntil = t;
            }
        }
        assertTrue(closedUntil - start >= InteractionGate.HOVER_LIMIT_NANOS - 20_000_000L);
        assertTrue(closedUntil - start < InteractionGate.HOVER_LIMIT_NANOS + InteractionGate.GRACE_NANOS,
                "held for " + (closedUntil - start) / 1e6 + " ms");
        assertFalse(gate.busy(), "open again although the pointer still moves");
        // after a rest the next approach counts again
        clock.now += InteractionGate.GRACE_NANOS;
        gate.touch();
        assertTrue(gate.busy());
    }

    @Test
    void aRenderRestartsTheHoverAllowance() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        clock.now = 1_000_000_000L;
        for (int i = 0; i < 100; i++) { // 2 s of dragging: renders and pointer movement together
            gate.begin();
            gate.touch();
            clock.now += 10_000_000L;
            gate.end();
            clock.now += 10_000_000L;
            gate.touch();
            assertTrue(gate.busy(), "a drag holds the gate however long it lasts");
        }
        clock.now += 100_000_000L;
        gate.touch(); // released, moving away over the sliders
        assertTrue(gate.busy());
    }

    @Test
    void aDisabledGateIgnoresTheHand() {
        InteractionGate gate = new InteractionGate(new SteppingClock(0), false);
        gate.touch();
        assertFalse(gate.busy());
        assertFalse(gate.nearby());
    }

    @Test
    void lettingGoOpensItOnceTheLastRenderIsDoneWithoutTheGrace() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock);
        gate.touch();
        gate.begin();
        gate.letGo();
        assertTrue(gate.busy(), "the render of the last move still runs");
        clock.now += 1_000_000L;
        gate.end();
        assertFalse(gate.busy(), "the drag is over: no grace after its last render");
        gate.touch();
        assertTrue(gate.busy(), "the hand moves again: closed for the grace again");
        gate.begin();
        gate.end();
        clock.now += InteractionGate.GRACE_NANOS - 1;
        assertTrue(gate.busy(), "renders while the hand is on the slider keep the grace");
    }

    @Test
    void whereRendersGoFirstTheApproachAloneDoesNotHoldTrainingButADragDoes() {
        SteppingClock clock = new SteppingClock(0);
        InteractionGate gate = new InteractionGate(clock, true, () -> false);
        gate.touch();
        assertFalse(gate.busy(), "the pointer on its way to a slider: training goes on, at its lower priority");
        assertTrue(gate.nearby(), "but the step is split into halves from now on");
        gate.begin();
        gate.end();
        assertTrue(gate.busy(), "moving a slider still holds training for the grace");
        gate.letGo();
        gate.touch(); // the press of the next drag brings the grace back
        gate.begin();
        gate.end();
        clock.now += InteractionGate.GRACE_NANOS - 1;
        assertTrue(gate.busy());
    }
}
