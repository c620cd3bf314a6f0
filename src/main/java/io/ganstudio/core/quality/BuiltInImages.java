package io.ganstudio.core.quality;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;

import java.io.IOException;

/** The 10,000 built-in Fashion-MNIST images at 28 x 28, the reference set of FID and KID. */
final class BuiltInImages {

    private static volatile ImageDataset cached;

    private BuiltInImages() {
    }

    static ImageDataset load() throws IOException {
        ImageDataset d = cached;
        if (d == null) {
            try {
                d = DatasetLoader.load(DataSpec.builtIn(), FashionClassifier.SIZE, LoadOptions.defaults(), null)
                        .dataset();
            } catch (DatasetException e) {
                throw new IOException(e.getMessage(), e);
            }
            cached = d;
        }
        return d;
    }
}
