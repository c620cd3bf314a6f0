package io.ganstudio.core.quality;

/**
 * The quality probe's figures at one training step, as plain data (for session events, the chart and quality.csv).
 * Classifier figures are NaN when the run's data is not the built-in Fashion-MNIST.
 *
 * @param seconds        wall time the probe took (generating and measuring)
 * @param fid            FID of the probe's samples in the classifier's features (few samples: higher than
 *                       {@code evaluate}'s 10,000-sample figure; compare probe figures with each other)
 * @param minClassShare  the smallest share of samples in one class (0.1 is ideal)
 * @param ndbShare       share of NDB bins that differ
 * @param diversity      samples' spread relative to the real images'
 * @param closeShare     share of samples nearer to a real image than the closest 5% of real pairs
 * @param nearestRatio   median nearest-real distance of samples relative to real images' own
 */
public record QualitySnapshot(long step, double seconds, int samples, double fid, double kid,
                              double meanConfidence, double minClassShare, int ndbDifferent, int ndbBins,
                              double js, double diversity, double closeShare, double nearestRatio) {

    public boolean hasClassifier() {
        return !Double.isNaN(fid);
    }

    public double ndbShare() {
        return ndbBins == 0 ? 0 : (double) ndbDifferent / ndbBins;
    }

    static QualitySnapshot of(long step, double seconds, QualityReport r) {
        QualityReport.ClassifierMeasures c = r.classifier();
        return new QualitySnapshot(step, seconds, r.samples(), c == null ? Double.NaN : c.fid(),
                c == null ? Double.NaN : c.kid(), c == null ? Double.NaN : c.meanConfidence(),
                c == null ? Double.NaN : c.smallestClassShare(), r.coverage().differentBins(), r.coverage().bins(),
                r.coverage().jsDivergence(), r.diversity().ratio(), r.memorisation().closeShare(),
                r.memorisation().ratio());
    }
}
