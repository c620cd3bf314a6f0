package io.ganstudio.core.game;

import io.ganstudio.core.game.DiscriminatorGame.Round;
import io.ganstudio.core.game.DiscriminatorGame.Side;
import io.ganstudio.core.game.DiscriminatorGame.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscriminatorGameTest {

    @Test
    void theSameSeedDealsTheSameGameAndAnotherSeedAnother() {
        assertEquals(new DiscriminatorGame(42, 1000, 10).rounds(), new DiscriminatorGame(42, 1000, 10).rounds());
        assertNotEquals(new DiscriminatorGame(42, 1000, 10).rounds(), new DiscriminatorGame(43, 1000, 10).rounds());
    }

    @Test
    void realImagesDoNotRepeatAndSitOnEitherSideAboutEquallyOften() {
        DiscriminatorGame g = new DiscriminatorGame(7, 50_000, 2000);
        Set<Integer> reals = new HashSet<>();
        Set<Long> fakes = new HashSet<>();
        int left = 0;
        for (Round r : g.rounds()) {
            assertTrue(r.realIndex() >= 0 && r.realIndex() < 50_000);
            reals.add(r.realIndex());
            fakes.add(r.fakeSeed());
            left += r.realSide() == Side.LEFT ? 1 : 0;
        }
        assertEquals(2000, reals.size(), "no real image twice");
        assertEquals(2000, fakes.size(), "a new fake each round");
        // 2000 fair coin tosses land within 45-55% left with overwhelming probability (5 standard deviations).
        assertTrue(left > 900 && left < 1100, "real on the left " + left + " of 2000 times");
        // A small dataset: every image once before any repeats.
        DiscriminatorGame small = new DiscriminatorGame(7, 4, 8);
        Set<Integer> firstFour = new HashSet<>();
        small.rounds().subList(0, 4).forEach(r -> firstFour.add(r.realIndex()));
        assertEquals(Set.of(0, 1, 2, 3), firstFour);
    }

    @Test
    void scoringCountsRightAnswersAndEndsAfterTheLastRound() {
        DiscriminatorGame g = new DiscriminatorGame(3, 100, 5);
        Side[] answers = new Side[5];
        int expected = 0;
        for (int i = 0; i < 5; i++) {
            Round r = g.current();
            assertEquals(i + 1, r.number());
            // Right on even rounds, wrong on odd ones.
            Side wrong = r.realSide() == Side.LEFT ? Side.RIGHT : Side.LEFT;
            answers[i] = i % 2 == 0 ? r.realSide() : wrong;
            boolean right = g.answer(answers[i]);
            assertEquals(i % 2 == 0, right);
            expected += right ? 1 : 0;
            assertEquals(expected, g.score());
            assertEquals(i + 1, g.answered());
            assertEquals(answers[i], g.lastAnswer());
        }
        assertEquals(3, g.score());
        assertTrue(g.finished());
        assertNull(g.current());
        assertThrows(IllegalStateException.class, () -> g.answer(Side.LEFT));
        assertEquals(Verdict.CHANCE, g.verdict(), "3 of 5 is what guessing often gets");
    }

    @Test
    void verdictsFollowTheShareOfRightAnswers() {
        assertEquals(Verdict.SHARP, play(10, 9).verdict());
        assertEquals(Verdict.SHARP, play(10, 8).verdict());
        assertEquals(Verdict.FOOLED_SOMETIMES, play(10, 7).verdict());
        assertEquals(Verdict.CHANCE, play(10, 6).verdict());
        assertEquals(Verdict.CHANCE, play(10, 0).verdict());
        assertEquals(Verdict.CHANCE, new DiscriminatorGame(1, 10, 10).verdict(), "nothing answered yet");
    }

    private static DiscriminatorGame play(int rounds, int right) {
        DiscriminatorGame g = new DiscriminatorGame(11, 100, rounds);
        for (int i = 0; i < rounds; i++) {
            Side real = g.current().realSide();
            g.answer(i < right ? real : (real == Side.LEFT ? Side.RIGHT : Side.LEFT));
        }
        assertEquals(right, g.score());
        return g;
    }

    @Test
    void latentVectorsComeFromTheRoundsSeed() {
        assertArrayEquals(DiscriminatorGame.latent(99, 16), DiscriminatorGame.latent(99, 16));
        assertFalse(Arrays.equals(DiscriminatorGame.latent(99, 16), DiscriminatorGame.latent(100, 16)));
        assertThrows(IllegalArgumentException.class, () -> new DiscriminatorGame(1, 0, 5));
    }
}
