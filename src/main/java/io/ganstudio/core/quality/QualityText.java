package io.ganstudio.core.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A quality report as lines of English for the command line. */
public final class QualityText {

    private QualityText() {
    }

    public static List<String> english(QualityReport r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d generated images vs %,d real images", r.samples(), r.realImages()));
        QualityReport.ClassifierMeasures c = r.classifier();
        if (c != null) {
            lines.add("In the Fashion-MNIST classifier's features (lower is better; the floor is 10,000 training "
                    + "images vs the 10,000 built-in ones):");
            lines.add(String.format(Locale.ROOT, "  FID  %10.3f   (real-vs-real floor %.3f)", c.fid(), c.floorFid()));
            lines.add(String.format(Locale.ROOT, "  KID  %10.5f   (real-vs-real floor %.5f)", c.kid(), c.floorKid()));
            lines.add(String.format(Locale.ROOT, "  mean classifier confidence %.3f", c.meanConfidence()));
            StringBuilder shares = new StringBuilder("  share of samples per class (ideal 10% each):");
            for (int i = 0; i < c.classShares().length; i++) {
                shares.append(i % 5 == 0 ? "\n    " : "  ").append(String.format(Locale.ROOT, "%-12s %5.1f%%",
                        c.classNames().get(i), 100 * c.classShares()[i]));
            }
            lines.addAll(List.of(shares.toString().split("\n")));
        }
        Ndb.Result n = r.coverage();
        lines.add(String.format(Locale.ROOT, "Coverage (NDB): %d of %d bins of the real images differ (%.0f%%; about "
                        + "5%% by chance), JS divergence of bin shares %.4f", n.differentBins(), n.bins(),
                100 * n.differentShare(), n.jsDivergence()));
        QualityReport.Diversity d = r.diversity();
        lines.add(String.format(Locale.ROOT, "Diversity: mean distance between samples %.3f, between real images "
                + "%.3f (ratio %.2f; about 1 is healthy, well below 1 is collapse)", d.samples(), d.real(), d.ratio()));
        QualityReport.Memorisation m = r.memorisation();
        lines.add(String.format(Locale.ROOT, "Memorisation: nearest real image at a median %.3f (real images' own "
                        + "nearest: %.3f, ratio %.2f); %.1f%% of samples closer to a real image than %.3f, the "
                        + "closest 5%% of real pairs (about 5%% expected; near 100%% means copies)",
                m.medianSampleDistance(), m.medianRealDistance(), m.ratio(), 100 * m.closeShare(),
                m.closeThreshold()));
        QualityReport.Grid g = r.grid();
        lines.add(String.format(Locale.ROOT, "Grid pattern: %.4f of the samples' variance repeats every 2 pixels, "
                + "real images %.4f (ratio %.1f; well above 1 is a checkerboard)", g.samples(), g.real(), g.ratio()));
        lines.add(String.format(Locale.ROOT, "(distances: RMS pixel difference, pixels in [-1, 1]; measured in %.1f s)",
                r.seconds()));
        return lines;
    }

    /** The kernel distances as lines of English (KID x 1000, lower is better, with the real-vs-real floor). */
    public static List<String> english(KernelDistances.Result d) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "KID x 1000 (lower is better; the floor: one half of the real images vs "
                + "the other, about 0 within its noise; copies of training images also score near it):"));
        lines.add(String.format(Locale.ROOT, "  in %dx%d thumbnails' pixels   %9.2f   (real-vs-real floor %.2f)",
                KernelDistances.THUMB_SIDE, KernelDistances.THUMB_SIDE, 1000 * d.pixels().value(),
                1000 * d.pixels().floor()));
        if (d.features() != null) {
            lines.add(String.format(Locale.ROOT, "  in the discriminator's features %9.2f   (real-vs-real floor %.2f)",
                    1000 * d.features().value(), 1000 * d.features().floor()));
        }
        return lines;
    }
}
