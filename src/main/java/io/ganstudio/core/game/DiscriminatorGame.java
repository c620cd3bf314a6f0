package io.ganstudio.core.game;

import io.ganstudio.core.random.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * "You are the discriminator": each round shows a real training image and a generated one side by side, and the
 * player says which is real. The deck (which real image, which side it is on, which latent vector makes the fake) is
 * drawn from a seed, so a class can play the same game on every laptop; no real image repeats within a game when
 * the data has enough of them.
 */
public final class DiscriminatorGame {

    public enum Side { LEFT, RIGHT }

    /**
     * One round.
     *
     * @param realIndex index of the real image in the run's training data
     * @param realSide  where the real image is shown
     * @param fakeSeed  seed of the latent vector that makes the generated image ({@link #latent})
     */
    public record Round(int number, int realIndex, Side realSide, long fakeSeed) {
    }

    /** How well the player did, from the share of right answers. */
    public enum Verdict {
        /** Almost always right: the generator does not fool you (yet). */
        SHARP,
        /** Right more often than chance: the generator fools you sometimes. */
        FOOLED_SOMETIMES,
        /** About as good as a coin toss: the generator's images pass for real ones. */
        CHANCE
    }

    private final List<Round> rounds;
    private int next;
    private int score;
    private Side lastAnswer;

    /**
     * @param seed      the deck's seed
     * @param realCount images in the run's data (at least 1)
     * @param count     rounds in the game (at least 1)
     */
    public DiscriminatorGame(long seed, int realCount, int count) {
        if (realCount < 1 || count < 1) {
            throw new IllegalArgumentException("a game needs real images and rounds: " + realCount + ", " + count);
        }
        Rng rng = Rng.derive(seed, 0x6A4E);
        int[] order = rng.permutation(realCount);
        List<Round> r = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Side side = rng.nextDouble() < 0.5 ? Side.LEFT : Side.RIGHT;
            r.add(new Round(i + 1, order[i % realCount], side, rng.nextLong()));
        }
        this.rounds = List.copyOf(r);
    }

    /** Every round of the game, in order (to prepare all images at once). */
    public List<Round> rounds() {
        return rounds;
    }

    /** The round to answer, or null when the game is over. */
    public Round current() {
        return next < rounds.size() ? rounds.get(next) : null;
    }

    public boolean finished() {
        return next >= rounds.size();
    }

    /** Records the player's choice for the current round; returns whether it was right. */
    public boolean answer(Side chosen) {
        Round r = current();
        if (r == null) {
            throw new IllegalStateException("the game is over");
        }
        boolean right = chosen == r.realSide();
        if (right) {
            score++;
        }
        lastAnswer = chosen;
        next++;
        return right;
    }

    /** The side chosen in the last answered round, or null before the first answer. */
    public Side lastAnswer() {
        return lastAnswer;
    }

    public int score() {
        return score;
    }

    public int answered() {
        return next;
    }

    public int total() {
        return rounds.size();
    }

    /**
     * The verdict on the answers so far: at least 80% right is sharp, more than 60% fooled sometimes, otherwise
     * close to what guessing gets (50% on average).
     */
    public Verdict verdict() {
        if (next > 0 && score >= 0.8 * next) {
            return Verdict.SHARP;
        }
        return next > 0 && score > 0.6 * next ? Verdict.FOOLED_SOMETIMES : Verdict.CHANCE;
    }

    /** The latent vector of a round's generated image: standard normal, from the round's seed. */
    public static float[] latent(long fakeSeed, int size) {
        float[] z = new float[size];
        new Rng(fakeSeed).fillGaussian(z, 0f, 1f);
        return z;
    }
}
