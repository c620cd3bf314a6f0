package io.ganstudio.core.anomaly;

import java.util.Arrays;

/**
 * Where "anomalous" starts: a percentile of the scores of normal validation images, which the encoder never trained
 * on. Never the minimum or maximum of a set picked to have no anomalies at its edge: a high percentile of many
 * normal images, so about (100 - percentile)% of normal images are expected above it.
 * Scores are shown normalised, score / threshold, so the threshold always sits at 1.
 *
 * @param percentile 50 to 100
 * @param value      the score at that percentile of the validation scores
 */
public record Threshold(double percentile, double value) {

    public static final double DEFAULT_PERCENTILE = 99;

    public Threshold {
        if (!(percentile >= 50 && percentile <= 100)) {
            throw new IllegalArgumentException("the threshold percentile must be between 50 and 100, not "
                    + percentile);
        }
    }

    /** The given percentile of the validation scores (linear interpolation between order statistics). */
    public static Threshold of(double[] validationScores, double percentile) {
        if (validationScores.length == 0) {
            throw new IllegalArgumentException("a threshold needs the scores of at least one validation image");
        }
        return new Threshold(percentile, percentile(validationScores, percentile));
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    public boolean above(double score) {
        return score > value;
    }

    /** The score on the scale where the threshold is 1. */
    public double normalise(double score) {
        return value > 0 ? score / value : score;
    }
}
