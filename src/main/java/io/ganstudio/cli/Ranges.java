package io.ganstudio.cli;

import java.util.Locale;

/**
 * Bounds of the numeric options whose settings have none of their own (the model's and optimizer's settings are
 * checked by ModelConfig and TrainConfig): a value out of range is one line naming the option, the range and the
 * value, before any work starts, so that --epochs 1e308 or --steps 9999999999 cannot start a run without end.
 */
final class Ranges {

    /** The most generator steps a run may train to: about 20 days at 6 steps/s, more than any run here needs. */
    static final long MAX_STEPS = 10_000_000L;

    /** The most passes over the data --epochs asks for (the steps they make are bounded by {@link #MAX_STEPS}). */
    static final double MAX_EPOCHS = 100_000;

    /** The most checkpoints a run keeps. */
    static final int MAX_KEEP_CHECKPOINTS = 1000;

    private Ranges() {
    }

    /** Refuses a whole number outside [min, max]. */
    static void check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageError(option + " must be between " + number(min) + " and " + number(max) + ", not "
                    + value);
        }
    }

    /** Refuses a step count or step interval outside [min, {@link #MAX_STEPS}]. */
    static void steps(String option, long value, long min) {
        check(option, value, min, MAX_STEPS);
    }

    /** Refuses a number outside [min, max], or one that is not finite (NaN, Infinity). */
    static void check(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UsageError(option + " must be between " + number(min) + " and " + number(max) + ", not "
                    + value);
        }
    }

    /** Refuses a number that is not above 0 and at most max (NaN and Infinity included). */
    static void positive(String option, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new UsageError(option + " must be above 0 and at most " + number(max) + ", not " + value);
        }
    }

    /** 10,000,000 rather than 10000000 or 1.0E7. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
    }
}
