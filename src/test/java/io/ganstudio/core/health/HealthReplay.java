package io.ganstudio.core.health;

import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.run.MetricsCsv;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.StepMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays run folders' metrics.csv and quality.csv through the monitor with the default thresholds and prints the
 * warnings and the extreme window figures: how the README's threshold table was checked against measured runs.
 * {@code java -cp target/classes:target/test-classes:JAR io.ganstudio.core.health.HealthReplay RUN...}
 */
public final class HealthReplay {

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Path dir = Path.of(a);
            List<StepMetrics> steps = new MetricsCsv(dir.resolve(RunFolder.METRICS)).read();
            List<QualitySnapshot> probes = new QualityCsv(dir).read();
            HealthMonitor m = new HealthMonitor(RunFolder.open(dir).config().train().loss());
            List<HealthWarning> out = new ArrayList<>();
            double maxGap = Double.NEGATIVE_INFINITY;
            double maxSign = Double.NEGATIVE_INFINITY;
            double[] gaps = new double[100];
            double[] signs = new double[500];
            int qi = 0;
            for (int i = 0; i < steps.size(); i++) {
                StepMetrics s = steps.get(i);
                out.addAll(m.observe(s));
                gaps[i % 100] = s.dReal() - s.dFake();
                signs[i % 500] = s.realSign();
                if (i >= 99) {
                    maxGap = Math.max(maxGap, mean(gaps));
                }
                if (i >= 499) {
                    maxSign = Math.max(maxSign, mean(signs));
                }
                while (qi < probes.size() && probes.get(qi).step() <= s.step()) {
                    out.addAll(m.observe(probes.get(qi++)));
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d steps, max 100-step gap %.3f, max 500-step E[sign] %.3f%n", dir,
                    steps.size(), maxGap, maxSign);
            for (QualitySnapshot q : probes) {
                System.out.printf(Locale.ROOT, "  probe %d: diversity %.2f, js %.3f, close %.1f%%, nearest %.2f%n",
                        q.step(), q.diversity(), q.js(), 100 * q.closeShare(), q.nearestRatio());
            }
            out.forEach(w -> System.out.println("  " + w.english()));
            if (out.isEmpty()) {
                System.out.println("  no warning");
            }
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
