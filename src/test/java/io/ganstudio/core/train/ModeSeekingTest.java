package io.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conditional runs' mode-seeking term against values worked out by hand, and the way its gradient pushes. */
@OnBothEngines
class ModeSeekingTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @Test
    void theSecondHalfOfAGeneratedBatchAsksForTheFirstHalfsClasses() {
        int[] out = new int[5];
        ModeSeeking.pairClasses(new int[] {3, 1, 4, 1, 5}, out);
        assertArrayEquals(new int[] {3, 1, 3, 1, 4}, out);
        int[] even = new int[4];
        ModeSeeking.pairClasses(new int[] {0, 2, 7, 9}, even);
        assertArrayEquals(new int[] {0, 2, 0, 2}, even);
    }

    @Test
    void theTermIsOneOverTheRatioOfImageToNoiseDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Two pairs of 1x2x2 images: pair 0 differs by 0.5 everywhere, pair 1 by 0.25: mean 0.375.
            float[] images = {0, 0, 0, 0, 0.2f, 0.2f, 0.2f, 0.2f, 0.5f, 0.5f, 0.5f, 0.5f, -0.05f, -0.05f, -0.05f,
                -0.05f};
            // Noise of 3 values per row: pair 0 differs by 1, 1, 1; pair 1 by 2, 0, 1: mean 1.
            float[] noise = {0, 0, 0, 0, 0, 0, 1, -1, 1, 2, 0, -1};
            NDArray fake = m.create(images, new Shape(4, 1, 2, 2));
            float term = ModeSeeking.term(fake, noise, 3).getFloat();
            assertEquals(1 / (0.375 / 1.0 + ModeSeeking.EPSILON), term, 1e-4);

            NDArray same = m.create(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, new Shape(2, 1, 2, 2));
            assertEquals(1 / ModeSeeking.EPSILON, ModeSeeking.term(same, new float[] {0, 1}, 1).getFloat(), 1);
            assertNull(ModeSeeking.term(m.ones(new Shape(1, 1, 2, 2)), new float[] {0}, 1), "no pair, no term");
        }
    }

    @Test
    void aStepAgainstItsGradientMovesThePairsApart() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] values = new float[4 * 16];
            Random random = new Random(3);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian() * 0.1f;
            }
            float[] noise = new float[4 * 8];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) random.nextGaussian();
            }
            NDArray fake = m.create(values, new Shape(4, 1, 4, 4));
            fake.setRequiresGradient(true);
            float before;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray term = ModeSeeking.term(fake, noise, 8);
                before = term.getFloat();
                gc.backward(term);
            }
            NDArray moved = fake.sub(fake.getGradient().mul(1e-3f));
            float after = ModeSeeking.term(moved, noise, 8).getFloat();
            assertTrue(after < before, "the term falls along its gradient: " + before + " -> " + after);
            assertTrue(distance(moved) > distance(fake), "the pairs' images move apart");
        }
    }

    private static float distance(NDArray fake) {
        return fake.get("0:2").sub(fake.get("2:4")).abs().mean().getFloat();
    }
}
