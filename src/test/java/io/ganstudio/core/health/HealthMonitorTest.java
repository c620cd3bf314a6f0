package io.ganstudio.core.health;

import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor driven with recorded-like metric sequences: each warning fires on its pattern, and only then. */
class HealthMonitorTest {

    private final Random noise = new Random(7);
    private long step;

    private StepMetrics metrics(double dReal, double dFake, double sign) {
        step++;
        double jitter = 0.05 * noise.nextGaussian();
        return new StepMetrics(step, step * 0.1, 1.2, 0.9, dReal + jitter, dFake - jitter, 500, Double.NaN,
                Double.NaN, sign + jitter);
    }

    private List<HealthWarning> feed(HealthMonitor m, int steps, double dReal, double dFake, double sign) {
        List<HealthWarning> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            out.addAll(m.observe(metrics(dReal, dFake, sign)));
        }
        return out;
    }

    private static QualitySnapshot probe(long step, double diversity, double js, double closeShare) {
        return new QualitySnapshot(step, 1.0, 512, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10, 40, js,
                diversity, closeShare, 1.0);
    }

    @Test
    void aHealthyRunRaisesNothing() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        // A healthy BCE run: D(x) about 0.7, D(G(z)) about 0.3, r about 0.6 (measured runs: docs/training.md).
        assertEquals(List.of(), feed(m, 3000, 0.7, 0.3, 0.6));
        for (long s = 500; s <= 3000; s += 500) {
            assertEquals(List.of(), m.observe(probe(s, 0.9, 0.08, 0.05)));
        }
        assertTrue(m.active().isEmpty());
    }

    @Test
    void dOverpoweringIsRaisedOnceWhenSustainedAndClearedOnceWhenRecovered() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        assertEquals(List.of(), feed(m, 50, 0.7, 0.3, 0.6));
        List<HealthWarning> w = feed(m, 400, 0.99, 0.01, 1.0);
        assertEquals(1, w.size(), w.toString());
        assertEquals(HealthIssue.D_OVERPOWERS, w.get(0).issue());
        assertTrue(w.get(0).raised());
        assertTrue(w.get(0).step() > 100, "not before the window has seen enough bad steps: " + w.get(0).step());
        assertEquals(Set.of(HealthIssue.D_OVERPOWERS), m.active(), "one warning, not overfitting as well");
        List<HealthWarning> back = feed(m, 400, 0.7, 0.3, 0.6);
        assertEquals(1, back.size(), back.toString());
        assertFalse(back.get(0).raised());
        assertTrue(m.active().isEmpty());
    }

    @Test
    void anObviousImbalanceIsNamedAsSoonAsTheEarlyStepsAreOver() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        // 40 balanced steps, then D sure of everything: the 100-step mean would take until about step 135.
        assertEquals(List.of(), feed(m, 40, 0.7, 0.3, 0.6));
        List<HealthWarning> w = feed(m, 110, 0.99, 0.01, 1.0);
        assertEquals(1, w.size(), w.toString());
        assertEquals(HealthIssue.D_OVERPOWERS, w.get(0).issue());
        assertEquals(101, w.get(0).step(), "named right after the early steps, from the last 50 steps");
        assertTrue(w.get(0).evidence().english().contains("last 50 steps"), w.get(0).evidence().english());
        List<HealthWarning> back = feed(m, 300, 0.7, 0.3, 0.6);
        assertEquals(1, back.size(), back.toString());
        assertFalse(back.get(0).raised());
    }

    @Test
    void theEarlyStepsAreTooEarlyToTellAndAnObviousImbalanceIsNamedNotWarned() {
        assertTrue(HealthMonitor.tooEarly(0));
        assertTrue(HealthMonitor.tooEarly(99));
        assertFalse(HealthMonitor.tooEarly(100));
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        List<StepMetrics> steps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StepMetrics s = metrics(0.99, 0.01, 1.0);
            steps.add(s);
            assertEquals(List.of(), m.observe(s), "no warning in the early steps (most runs recover by themselves)");
        }
        double[] winning = HealthMonitor.earlyDWinning(steps, LossKind.BCE);
        assertTrue(winning != null && winning[0] > 0.95 && winning[1] < 0.05);
        steps.add(metrics(0.6, 0.4, 0.5));
        for (int i = 0; i < 20; i++) {
            steps.add(metrics(0.7, 0.3, 0.6));
        }
        assertEquals(null, HealthMonitor.earlyDWinning(steps, LossKind.BCE), "balanced again: nothing to name");
    }

    @Test
    void scoresHoveringBetweenTheLevelsNeverFlicker() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        feed(m, 200, 0.99, 0.01, 1.0);
        assertEquals(Set.of(HealthIssue.D_OVERPOWERS), m.active());
        // Alternating steps above and below the raise level: the mean sits between raise and clear.
        List<HealthWarning> changes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            changes.addAll(m.observe(i % 2 == 0 ? metrics(0.98, 0.02, 1.0) : metrics(0.88, 0.06, 0.9)));
        }
        assertEquals(List.of(), changes);
        assertEquals(Set.of(HealthIssue.D_OVERPOWERS), m.active());
    }

    @Test
    void theReverseIsTheGeneratorOverpowering() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        List<HealthWarning> w = feed(m, 300, 0.1, 0.9, -0.8);
        assertEquals(List.of(HealthIssue.G_OVERPOWERS), w.stream().map(HealthWarning::issue).toList());
    }

    @Test
    void realSignNearOneIsOverfittingWhenDStillRatesFakesMiddling() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        // Early in every measured run D is sure of the real images (E[sign] 0.99 at step 100): not yet a warning.
        assertEquals(List.of(), feed(m, 900, 0.85, 0.35, 1.0));
        List<HealthWarning> w = feed(m, 300, 0.85, 0.35, 1.0);
        assertEquals(List.of(HealthIssue.D_OVERFITTING), w.stream().map(HealthWarning::issue).toList());
        assertTrue(w.get(0).evidence().english().contains("E[sign D(real)]"), w.get(0).evidence().english());
    }

    @Test
    void adaRIsUsedWhenTheStepHasNoSignOfItsOwn() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        List<HealthWarning> w = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            w.addAll(m.observe(new StepMetrics(i, i, 1, 1, 0.8, 0.4, 100, 0.3, 0.99)));
        }
        assertEquals(List.of(HealthIssue.D_OVERFITTING), w.stream().map(HealthWarning::issue).toList());
    }

    @Test
    void hingeScoresAreLogitsNotProbabilities() {
        HealthMonitor hinge = new HealthMonitor(LossKind.HINGE);
        // Hinge D outputs around +0.5 / -0.5 are an ordinary contest (sigmoid 0.62 / 0.38), not D winning.
        assertEquals(List.of(), feed(hinge, 400, 0.5, -0.5, 0.5));
        assertEquals(List.of(HealthIssue.D_OVERPOWERS),
                feed(hinge, 400, 5, -5, 1.0).stream().map(HealthWarning::issue).toList());
    }

    @Test
    void collapseNeedsTwoProbesInARowAndClearsAfterTwoGoodOnes() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        assertEquals(List.of(), m.observe(probe(100, 0.1, 0.6, 0)), "before the first judged step");
        assertEquals(List.of(), m.observe(probe(500, 0.2, 0.1, 0)), "one bad probe is not enough");
        assertEquals(List.of(), m.observe(probe(1000, 0.9, 0.1, 0)));
        assertEquals(List.of(), m.observe(probe(1500, 0.3, 0.1, 0)));
        List<HealthWarning> w = m.observe(probe(2000, 0.3, 0.1, 0));
        assertEquals(List.of(HealthIssue.MODE_COLLAPSE), w.stream().map(HealthWarning::issue).toList());
        assertEquals(2000, w.get(0).step());
        assertEquals(List.of(), m.observe(probe(2500, 0.9, 0.1, 0)));
        assertEquals(List.of(), m.observe(probe(3000, 0.3, 0.1, 0)), "still collapsed: one good probe clears nothing");
        assertEquals(List.of(), m.observe(probe(3500, 0.9, 0.1, 0)));
        List<HealthWarning> cleared = m.observe(probe(4000, 0.9, 0.1, 0));
        assertEquals(1, cleared.size());
        assertFalse(cleared.get(0).raised());
    }

    @Test
    void samplesCrowdedIntoFewBinsAreACollapseToo() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        m.observe(probe(500, 0.8, 0.55, 0));
        assertEquals(List.of(HealthIssue.MODE_COLLAPSE),
                m.observe(probe(1000, 0.8, 0.55, 0)).stream().map(HealthWarning::issue).toList());
    }

    @Test
    void manyNearCopiesAreMemorisation() {
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        m.observe(probe(500, 0.9, 0.1, 0.8));
        List<HealthWarning> w = m.observe(probe(1000, 0.9, 0.1, 0.85));
        assertEquals(List.of(HealthIssue.MEMORISATION), w.stream().map(HealthWarning::issue).toList());
        assertTrue(w.get(0).evidence().english().startsWith("85% of the samples"), w.get(0).evidence().english());
    }

    @Test
    void everyWarningSaysWhatItMeansAndWhatToTryInBothLanguages() {
        for (HealthIssue i : HealthIssue.values()) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertFalse(i.title().text(l).isBlank());
                assertTrue(i.meaning().text(l).length() > 40, i + " " + l);
                assertTrue(i.advice().text(l).length() > 20, i + " " + l);
            }
            assertFalse(i.advice().text(Locale.JAPANESE).equals(i.advice().english()), "translated: " + i);
        }
        HealthWarning w = new HealthWarning(HealthIssue.D_OVERPOWERS, true, 300,
                Phrase.of("health.evidence.scores", "0.99", "0.01", 100));
        assertTrue(w.english().contains("Try: lower the discriminator's learning rate"), w.english());
    }

    @Test
    void healthCsvKeepsTheWarningsAndDropsRowsAfterAResumedStep(@TempDir Path run) throws Exception {
        HealthCsv csv = new HealthCsv(run);
        HealthMonitor m = new HealthMonitor(LossKind.BCE);
        List<HealthWarning> all = new ArrayList<>();
        all.addAll(feed(m, 300, 0.99, 0.01, 1.0));
        all.addAll(feed(m, 300, 0.7, 0.3, 0.6));
        assertEquals(2, all.size());
        for (HealthWarning w : all) {
            csv.append(w);
        }
        List<HealthCsv.Row> rows = csv.read();
        assertEquals(2, rows.size());
        assertEquals(all.get(0).evidence().english(), rows.get(0).evidence());
        assertEquals(all.get(0).evidence(), rows.get(0).evidencePhrase(), "read back as a phrase, for Japanese too");
        assertTrue(rows.get(0).evidencePhrase().text(Locale.JAPANESE).startsWith("直近 100 ステップ"));
        Files.writeString(csv.file(), "600,dOverpowers,raised,\"mean D(x) 0.9",
                StandardOpenOption.APPEND);
        assertEquals(2, csv.read().size(), "a row cut off by a crash is skipped");
        assertTrue(csv.activeAtEnd().isEmpty());
        csv.truncateAfter(all.get(0).step());
        assertEquals(Set.of(HealthIssue.D_OVERPOWERS), csv.activeAtEnd());
    }
}
