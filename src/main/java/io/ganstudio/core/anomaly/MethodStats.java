package io.ganstudio.core.anomaly;

/**
 * What a fitted model knows about one score method from the normal validation images (held out of every fit).
 *
 * @param method           {@link ScoreMethod#id()}
 * @param validationScores the validation images' scores
 * @param mean             their mean: with {@code spread}, what normalises the score inside the combined one
 * @param spread           their standard deviation (at least a tiny positive number)
 * @param percentile       the percentile of the validation scores taken as the threshold
 * @param threshold        that score
 * @param mapScale         map value shown at full heat: the 99th percentile of the validation maps' peaks
 */
public record MethodStats(String method, double[] validationScores, double mean, double spread, double percentile,
                          double threshold, float mapScale) {

    static MethodStats of(ScoreMethod m, double[] scores, double percentile, float mapScale) {
        double mean = 0;
        for (double s : scores) {
            mean += s;
        }
        mean /= scores.length;
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double spread = Math.max(1e-12, Math.sqrt(var / Math.max(1, scores.length - 1)));
        return new MethodStats(m.id(), scores, mean, spread, percentile, Threshold.percentile(scores, percentile),
                mapScale);
    }

    /** The score in units of the validation scores' spread, 0 at their mean. */
    double normalise(double score) {
        return (score - mean) / spread;
    }

    /** The threshold at another percentile of the same validation scores (the sensitivity control). */
    public Threshold thresholdAt(double atPercentile) {
        return Threshold.of(validationScores, atPercentile);
    }

    /** The fit-time threshold. */
    public Threshold fitThreshold() {
        return new Threshold(percentile, threshold);
    }
}
