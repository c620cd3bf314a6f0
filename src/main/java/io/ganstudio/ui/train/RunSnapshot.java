package io.ganstudio.ui.train;

import io.ganstudio.core.health.HealthCsv;
import io.ganstudio.core.health.HealthIssue;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** What an existing run folder holds for the Train screen: read in the background, shown on the FX thread. */
public record RunSnapshot(Path dir, GanConfig config, List<StepMetrics> metrics, List<RunFolder.Sample> samples,
                          boolean hasCheckpoint, List<QualitySnapshot> quality, List<HealthCsv.Row> health,
                          SampleGrid drawnGrid) {

    public RunSnapshot(Path dir, GanConfig config, List<StepMetrics> metrics, List<RunFolder.Sample> samples,
                       boolean hasCheckpoint, List<QualitySnapshot> quality, List<HealthCsv.Row> health) {
        this(dir, config, metrics, samples, hasCheckpoint, quality, health, null);
    }

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
        Map<HealthIssue, HealthWarning> active = new LinkedHashMap<>();
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
        List<RunFolder.Sample> samples = folder.listSamples();
        boolean hasCheckpoint = !folder.listCheckpoints().isEmpty();
        // A run without saved grids (a lesson carries only its checkpoint and curves): its newest checkpoint's grid
        // is drawn, so the curves never stand beside an empty grid.
        SampleGrid drawn = samples.isEmpty() && hasCheckpoint ? drawGrid(folder) : null;
        return new RunSnapshot(dir, folder.config(), folder.readMetrics(), samples, hasCheckpoint,
                new QualityCsv(dir).read(), new HealthCsv(dir).read(), drawn);
    }

    /**
     * The fixed-noise sample grid of the run's newest checkpoint, as training draws it (the run's seed, stream 2);
     * null for a conditional run (its grid has a row per class), which then shows its curves only.
     */
    private static SampleGrid drawGrid(RunFolder folder) throws IOException {
        GanConfig c = folder.config();
        if (c.model().classCount() > 0) {
            return null;
        }
        int l = c.model().latentSize();
        int n = c.train().gridSize();
        float[] z = new float[n * l];
        Rng.derive(c.train().seed(), 2).fillGaussian(z, 0f, 1f);
        List<float[]> zs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            zs.add(Arrays.copyOfRange(z, i * l, (i + 1) * l));
        }
        try (GeneratorRunner g = GeneratorRunner.open(folder)) {
            float[] images = g.sampleBatch(zs).join();
            return SampleGrid.of(images, n, g.channels(), g.imageSize());
        } catch (CompletionException e) {
            throw new IOException("could not draw the run's sample grid: " + e.getCause().getMessage(), e);
        }
    }
}
