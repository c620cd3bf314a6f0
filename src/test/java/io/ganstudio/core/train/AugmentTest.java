package io.ganstudio.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What "auto" does with a dataset and a run length: the rule the measurements chose (docs/training.md, Augmentation
 * for small datasets).
 */
class AugmentTest {

    @Test
    void autoAugmentsSmallColourDatasetsAtAnyLength() {
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(248, 3, 600, 64), "a small colour folder");
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(Augment.AUTO_MAX_IMAGES, 3, 10, 64));
        assertEquals(Augment.OFF, Augment.AUTO.resolve(Augment.AUTO_MAX_IMAGES + 1, 3, 100_000, 64),
                "a large colour folder");
    }

    @Test
    void autoAugmentsSmallGrayscaleDatasetsOnlyInLongRuns() {
        assertEquals(Augment.OFF, Augment.AUTO.resolve(500, 1, 2_000, 64), "the default length: 256 passes");
        assertEquals(Augment.OFF, Augment.AUTO.resolve(500, 1, 3_000, 64), "384 passes: better without");
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(500, 1, 6_000, 64), "768 passes: better with");
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(500, 1, 9_000, 64), "1,152 passes");
        // The threshold itself: 600 passes of 500 images at batch 50 is 6,000 steps.
        assertEquals(Augment.OFF, Augment.AUTO.resolve(500, 1, 5_999, 50));
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(500, 1, 6_000, 50));
        assertEquals(Augment.OFF, Augment.AUTO.resolve(10_000, 1, 1_000_000, 64), "the built-in data");
        assertEquals(Augment.OFF, Augment.AUTO.resolve(Augment.AUTO_MAX_IMAGES + 1, 1, 1_000_000, 64));
    }

    @Test
    void anExplicitChoiceIsKept() {
        for (Augment a : new Augment[] {Augment.DIFFAUGMENT, Augment.ADA, Augment.OFF}) {
            assertEquals(a, a.resolve(248, 3, 600, 64));
            assertEquals(a, a.resolve(60_000, 1, 3_000, 64));
            assertEquals(a, a.resolve(500, 1, 9_000, 64));
        }
    }
}
