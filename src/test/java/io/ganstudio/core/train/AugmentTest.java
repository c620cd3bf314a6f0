package io.ganstudio.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What "auto" does with a dataset: the rule the measurements chose (README, Training well). */
class AugmentTest {

    @Test
    void autoAugmentsSmallColourDatasetsOnly() {
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(248, 3), "a small colour folder");
        assertEquals(Augment.DIFFAUGMENT, Augment.AUTO.resolve(Augment.AUTO_MAX_IMAGES, 3));
        assertEquals(Augment.OFF, Augment.AUTO.resolve(Augment.AUTO_MAX_IMAGES + 1, 3), "a large colour folder");
        assertEquals(Augment.OFF, Augment.AUTO.resolve(500, 1), "500 grayscale images train worse with it at the default length");
        assertEquals(Augment.OFF, Augment.AUTO.resolve(10_000, 1), "the built-in data");
    }

    @Test
    void anExplicitChoiceIsKept() {
        for (Augment a : new Augment[] {Augment.DIFFAUGMENT, Augment.ADA, Augment.OFF}) {
            assertEquals(a, a.resolve(248, 3));
            assertEquals(a, a.resolve(60_000, 1));
        }
    }
}
