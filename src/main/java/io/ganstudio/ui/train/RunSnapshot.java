package io.ganstudio.ui.train;

import io.ganstudio.core.health.HealthCsv;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.train.GanConfig;
import io.ganstudio.core.train.RunFolder;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What an existing run folder holds for the Train screen: read in the background, shown on the FX thread. */
public record RunSnapshot(Path dir, GanConfig config, List<StepMetrics> metrics, List<RunFolder.Sample> samples,
                          boolean hasCheckpoint, List<QualitySnapshot> quality, List<HealthCsv.Row> health) {

    public RunSnapshot(Path dir, GanConfig config, List<StepMetrics> metrics, List<RunFolder.Sample> samples,
                       boolean hasCheckpoint) {
        this(dir, config, metrics, samples, hasCheckpoint, List.of(), List.of());
    }

    public RunSnapshot(Path dir, GanConfig config, List<StepMetrics> metrics, List<RunFolder.Sample> samples,
                       boolean hasCheckpoint, List<QualitySnapshot> quality) {
        this(dir, config, metrics, samples, hasCheckpoint, quality, List.of());
    }

    /** The health warnings health.csv leaves raised at the end, each as last raised. */
    public List<HealthWarning> healthAtEnd() {
        java.util.Map<io.ganstudio.core.health.HealthIssue, HealthWarning> active = new java.util.LinkedHashMap<>();
        for (HealthCsv.Row r : health) {
            active.remove(r.issue());
            if (r.raised()) {
                active.put(r.issue(), new HealthWarning(r.issue(), true, r.step(), r.evidencePhrase()));
            }
        }
        return List.copyOf(active.values());
    }

    /** Reads a run folder (blocking file IO: call off the FX thread). */
    public static RunSnapshot read(Path dir) throws IOException {
        RunFolder folder = RunFolder.open(dir);
        return new RunSnapshot(dir, folder.config(), folder.readMetrics(), folder.listSamples(),
                !folder.listCheckpoints().isEmpty(), new QualityCsv(dir).read(), new HealthCsv(dir).read());
    }
}
