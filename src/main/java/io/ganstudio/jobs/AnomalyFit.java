package io.ganstudio.jobs;

import io.ganstudio.core.anomaly.EncoderFile;
import io.ganstudio.core.anomaly.EncoderFit;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.anomaly.RunData;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Fits the f-AnoGAN encoder of a trained run (G and D stay frozen) on the run's own training images and writes it,
 * with the scores of the held-out normal validation images and the threshold, into the run folder.
 */
public final class AnomalyFit {

    /** The share of the normal images held out to set the threshold, when nobody chooses another. */
    public static final double DEFAULT_VALIDATION = 0.1;

    /**
     * @param run        the trained run folder
     * @param steps      encoder training steps (32 images each)
     * @param validation share of the normal images held out of the encoder's training, in (0, 1)
     * @param percentile the threshold: this percentile of the validation images' scores, 50 to 100
     * @param cacheDir   decoded-dataset cache folder, or null for none
     * @param method     the model's default score method
     */
    public record Request(Path run, int steps, double validation, double percentile, Path cacheDir,
                          ScoreMethod method) {
    }

    /** What the fitting reports; every method may be left empty. Called on the fitting thread. */
    public interface Progress {
        /** The run's images are loaded; the steps start. */
        default void started(int images, int steps) {
        }

        default void step(int step, int total, float loss, float imageTerm, float featureTerm) {
        }
    }

    /** The encoder as written, and where. */
    public record Result(EncoderFile encoder, Path file) {
    }

    private AnomalyFit() {
    }

    /**
     * Blocking.
     *
     * @param cancelled polled while the images load and after every step; nothing is written when it turns true
     * @throws DatasetException the run's training images cannot be loaded
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static Result fit(Request r, Progress progress, BooleanSupplier cancelled)
            throws IOException, DatasetException {
        RunFolder folder = RunFolder.open(r.run());
        ImageDataset data = RunData.load(folder, r.cacheDir(), cancelled);
        progress.started(data.count(), r.steps());
        EncoderFit.Settings settings = new EncoderFit.Settings(r.steps(),
                EncoderFit.Settings.defaults().learningRate(), r.validation(), r.percentile(),
                folder.config().train().seed(), r.method());
        EncoderFile file = EncoderFit.fit(folder, data, settings, progress::step, cancelled);
        return new Result(file, EncoderFile.path(folder.dir()));
    }
}
