package io.ganstudio.core.quality;

import java.util.List;

/**
 * What the evaluator measured on one set of generated images. The classifier part is null when the run's data is
 * not the built-in Fashion-MNIST (no classifier fits a user's folder); the rest is measured for every run.
 *
 * @param samples    generated images measured
 * @param realImages real images the pixel-space measures compared with
 * @param classifier FID, KID, class shares and confidence in the evaluator classifier's terms, or null
 * @param coverage   NDB: bins of the real images that the samples fill differently
 * @param diversity  how spread out the samples are compared with the real images
 * @param memorisation how close samples come to real images compared with how close real images come to each other
 * @param seconds    wall time the measurement took
 */
public record QualityReport(int samples, int realImages, ClassifierMeasures classifier, Ndb.Result coverage,
                            Diversity diversity, Memorisation memorisation, Grid grid, double seconds) {

    /**
     * @param fid            Fréchet distance in the classifier's penultimate features (lower is better)
     * @param kid            unbiased kernel distance in the same features (lower is better; about 0 is ideal)
     * @param floorFid       FID between 10,000 training and the 10,000 built-in images: the best a sample set can
     *                       expect with 10,000 samples (from the shipped evaluator's description)
     * @param floorKid       the same for KID
     * @param classShares    share of samples the classifier puts in each class (ideal: 0.1 each)
     * @param classNames     names of those classes
     * @param meanConfidence mean of the classifier's top probability over the samples
     */
    public record ClassifierMeasures(double fid, double kid, double floorFid, double floorKid, double[] classShares,
                                     List<String> classNames, double meanConfidence) {

        public double smallestClassShare() {
            double min = 1;
            for (double s : classShares) {
                min = Math.min(min, s);
            }
            return min;
        }
    }

    /**
     * @param samples mean RMS pixel distance between two samples
     * @param real    the same between two real images
     */
    public record Diversity(double samples, double real) {

        /** Samples' spread relative to the real images': about 1 is healthy, well below 1 is collapse. */
        public double ratio() {
            return real == 0 ? 0 : samples / real;
        }
    }

    /**
     * @param medianSampleDistance median over samples of the RMS distance to the nearest real image
     * @param medianRealDistance   median over real images of the distance to the nearest other real image
     * @param closeThreshold       5th percentile of those real-to-real distances
     * @param closeShare           share of samples nearer to a real image than that: about 0.05 when samples are
     *                             like new draws from the data, towards 1 when the generator copies training images
     */
    public record Memorisation(double medianSampleDistance, double medianRealDistance, double closeThreshold,
                               double closeShare) {

        public double ratio() {
            return medianRealDistance == 0 ? 0 : medianSampleDistance / medianRealDistance;
        }
    }

    /**
     * The 2-pixel grid pattern ({@link GridPattern}): the share of the images' variance that repeats every 2 pixels.
     *
     * @param samples the samples' share
     * @param real    the real images' share (about what content alone gives)
     */
    public record Grid(double samples, double real) {

        /** The samples' share relative to the real images': about 1 is clean, well above 1 is a checkerboard. */
        public double ratio() {
            return real == 0 ? 0 : samples / real;
        }
    }
}
