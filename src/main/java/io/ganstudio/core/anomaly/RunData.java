package io.ganstudio.core.anomaly;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.text.Phrase;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** A run's normal images, loaded exactly as its training loaded them (same spec, size, cache). */
public final class RunData {

    private RunData() {
    }

    public static ImageDataset load(RunFolder run, Path cacheDir, BooleanSupplier cancelled) throws DatasetException {
        LoadOptions options = new LoadOptions(cacheDir, Runtime.getRuntime().availableProcessors(), cancelled);
        ImageDataset data = DatasetLoader.load(run.config().data(), run.config().model().imageSize(), options, null)
                .dataset();
        int channels = run.config().model().channels();
        if (data.channels() != channels) {
            throw new DatasetException(Phrase.verbatim("the run's data now loads as "
                    + data.channels() + "-channel images but its model takes " + channels + "-channel ones: the "
                    + "folder changed since training"));
        }
        return data;
    }
}
