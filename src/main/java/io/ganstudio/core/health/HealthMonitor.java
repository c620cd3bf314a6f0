package io.ganstudio.core.health;

import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Watches a training run's step metrics and quality probes and says when it goes wrong, and when it has recovered:
 * D overfitting (E[sign D(real)] near 1), D or G overpowering the other (D(x) and D(G(z)) far apart the wrong way),
 * mode collapse (samples far less spread than the real images, or crowded into few NDB bins) and memorisation
 * (many samples closer to a training image than real images come to each other).
 *
 * <p>Step signals are averaged over a window of steps, quality signals need several probes in a row, and each
 * warning has a raise and a lower clear level, so a warning is never raised by one odd step and never flickers.
 * Plain Java (no engine): it runs on the session's engine thread and in tests on recorded sequences.
 * Not thread-safe.
 */
public final class HealthMonitor {

    private final HealthThresholds t;
    private final LossKind loss;
    private final Window sign;
    private final Window real;
    private final Window fake;
    private final Window quickReal;
    private final Window quickFake;
    private final EnumSet<HealthIssue> active = EnumSet.noneOf(HealthIssue.class);
    private int collapseRun;
    private int collapseClearRun;
    private int memoRun;
    private int memoClearRun;
    private double peakDiversity;

    public HealthMonitor(LossKind loss) {
        this(loss, HealthThresholds.DEFAULT);
    }

    public HealthMonitor(LossKind loss, HealthThresholds thresholds) {
        this.loss = loss;
        this.t = thresholds;
        this.sign = new Window(thresholds.signWindow());
        this.real = new Window(thresholds.window());
        this.fake = new Window(thresholds.window());
        this.quickReal = new Window(thresholds.quickWindow());
        this.quickFake = new Window(thresholds.quickWindow());
    }

    /** The warnings raised now, in declaration order. */
    public Set<HealthIssue> active() {
        return Collections.unmodifiableSet(EnumSet.copyOf(active));
    }

    /** Whether a run at this step is still too early to judge: before the window of step scores is full. */
    public static boolean tooEarly(long step) {
        return step < HealthThresholds.DEFAULT.window();
    }

    /**
     * For the early steps (nothing is judged yet): the mean D(x) and D(G(z)) as probabilities over the last
     * {@link #EARLY_WINDOW} steps of these, when the discriminator is obviously winning for now (gap at or above
     * {@link #EARLY_GAP}); null otherwise or with fewer steps. Early in many runs D wins for a while and the
     * generator catches up, so this is named as it is, not as a warning.
     */
    public static double[] earlyDWinning(List<StepMetrics> recent, LossKind loss) {
        if (recent.size() < EARLY_WINDOW) {
            return null;
        }
        HealthMonitor probe = new HealthMonitor(loss);
        double r = 0;
        double f = 0;
        for (StepMetrics m : recent.subList(recent.size() - EARLY_WINDOW, recent.size())) {
            r += probe.probability(m.dReal()) / EARLY_WINDOW;
            f += probe.probability(m.dFake()) / EARLY_WINDOW;
        }
        return r - f >= EARLY_GAP ? new double[] {r, f} : null;
    }

    /** The early note names D winning from this mean D(x) - D(G(z)) on (a note, not a warning: lower than both). */
    public static final double EARLY_GAP = 0.90;

    /** Steps the early note looks at. */
    public static final int EARLY_WINDOW = 20;

    public HealthThresholds thresholds() {
        return t;
    }

    /** Takes one step's metrics; returns the warnings this step raised or cleared (usually none). */
    public List<HealthWarning> observe(StepMetrics m) {
        List<HealthWarning> out = new ArrayList<>();
        if (!m.isFinite()) {
            return out; // a diverged step ends training with its own message
        }
        double r = Double.isNaN(m.realSign()) ? m.augmentR() : m.realSign();
        if (!Double.isNaN(r)) {
            sign.add(r);
        }
        real.add(probability(m.dReal()));
        fake.add(probability(m.dFake()));
        quickReal.add(probability(m.dReal()));
        quickFake.add(probability(m.dFake()));
        if (!real.full()) {
            return out; // too early to tell: see earlyScores for what the screen says meanwhile
        }
        double gap = real.mean() - fake.mean();
        double quickGap = quickReal.mean() - quickFake.mean();
        Phrase scores = Phrase.of("health.evidence.scores", f2(real.mean()), f2(fake.mean()), t.window());
        // An obvious imbalance over the recent steps is named at once after the early steps, before the long mean
        // (which still holds the balanced first steps) gets there.
        boolean obvious = m.step() > t.window() && quickGap >= t.quickGapRaise();
        if (obvious && gap < t.gapRaise()) {
            scores = Phrase.of("health.evidence.scores", f2(quickReal.mean()), f2(quickFake.mean()), t.quickWindow());
        }
        // Cleared only when the recent steps are balanced too (the long mean still remembers the imbalance).
        judge(out, HealthIssue.D_OVERPOWERS, m.step(), gap >= t.gapRaise() || obvious,
                gap <= t.gapClear() && quickGap < t.quickGapRaise(), scores);
        judge(out, HealthIssue.G_OVERPOWERS, m.step(), -gap >= t.reverseGapRaise(), -gap <= t.reverseGapClear(),
                scores);
        if (sign.full() && m.step() >= t.signFromStep()) {
            double meanSign = sign.mean();
            // While D overpowers, that warning already says D is sure of every real image: not raised as well.
            boolean high = meanSign >= t.signRaise() && !active.contains(HealthIssue.D_OVERPOWERS);
            judge(out, HealthIssue.D_OVERFITTING, m.step(), high, meanSign <= t.signClear(),
                    Phrase.of("health.evidence.sign", f2(meanSign), t.signWindow(), f2(t.signRaise())));
        }
        return out;
    }

    /** Takes one quality probe; returns the warnings it raised or cleared. */
    public List<HealthWarning> observe(QualitySnapshot q) {
        List<HealthWarning> out = new ArrayList<>();
        peakDiversity = Math.max(peakDiversity, q.diversity());
        // An untrained generator's samples all look alike too: judged once it has been varied, or from a step on.
        if (q.step() < t.firstProbeStep() && peakDiversity < t.diversityClear()) {
            return out;
        }
        boolean collapsed = q.diversity() <= t.diversityRaise() || q.js() >= t.jsRaise();
        boolean spread = q.diversity() >= t.diversityClear() && q.js() <= t.jsClear();
        collapseRun = collapsed ? collapseRun + 1 : 0;
        collapseClearRun = spread ? collapseClearRun + 1 : 0;
        judge(out, HealthIssue.MODE_COLLAPSE, q.step(), collapseRun >= t.probesToRaise(),
                collapseClearRun >= t.probesToRaise(), Phrase.of("health.evidence.collapse", f2(q.diversity()),
                        f2(t.diversityRaise()), f2(q.js()), f2(t.jsRaise())));
        // A collapsed generator's few blurry images can sit nearer to many training images than they sit to each
        // other: near copies count as memorisation only while the samples are as varied as copies would be.
        memoRun = q.closeShare() >= t.closeShareRaise() && q.diversity() > t.diversityRaise() ? memoRun + 1 : 0;
        memoClearRun = q.closeShare() <= t.closeShareClear() ? memoClearRun + 1 : 0;
        judge(out, HealthIssue.MEMORISATION, q.step(), memoRun >= t.probesToRaise(),
                memoClearRun >= t.probesToRaise(), Phrase.of("health.evidence.memorisation",
                        percent(q.closeShare()), percent(t.closeShareRaise()), f2(q.nearestRatio())));
        return out;
    }

    private void judge(List<HealthWarning> out, HealthIssue issue, long step, boolean bad, boolean recovered,
                       Phrase evidence) {
        if (!active.contains(issue) && bad) {
            active.add(issue);
            out.add(new HealthWarning(issue, true, step, evidence));
        } else if (active.contains(issue) && recovered) {
            active.remove(issue);
            out.add(new HealthWarning(issue, false, step, evidence));
        }
    }

    /**
     * D's mean score as a probability that the image is real: BCE's already is; LSGAN's targets are 0 and 1, so it
     * is clamped; hinge's is a raw logit, put through the sigmoid.
     */
    private double probability(double score) {
        return switch (loss) {
            case BCE -> score;
            case LSGAN -> Math.max(0, Math.min(1, score));
            case HINGE -> 1 / (1 + Math.exp(-score));
        };
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** The mean of the last n values. */
    private static final class Window {
        private final double[] values;
        private int count;
        private int next;
        private double sum;

        Window(int n) {
            values = new double[Math.max(1, n)];
        }

        void add(double v) {
            if (count == values.length) {
                sum -= values[next];
            } else {
                count++;
            }
            values[next] = v;
            sum += v;
            next = (next + 1) % values.length;
        }

        boolean full() {
            return count == values.length;
        }

        double mean() {
            return sum / count;
        }
    }
}
