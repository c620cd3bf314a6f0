package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The Fashion-MNIST test set (10,000 gray 28 x 28 images, 10 classes) shipped inside the application. */
final class BuiltInDataset {

    static final String NAME = "Fashion-MNIST (built in)";
    static final String IMAGES = "/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    static final String LABELS = "/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";

    /** Label order as published by Zalando Research. */
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private BuiltInDataset() {
    }

    static LoadResult load(int size, int pad, LoadOptions options, LoadProgress progress, long startNanos)
            throws DatasetException {
        try (InputStream images = open(IMAGES); InputStream labels = open(LABELS)) {
            IdxFormat.IdxImages data = IdxFormat.readImages(images, IMAGES);
            int[] labelValues = IdxFormat.readLabels(labels, LABELS, data.count());
            return IdxLoader.assemble(data, labelValues, CLASS_NAMES, NAME, size, pad, options, progress, startNanos);
        } catch (IOException e) {
            throw new DatasetException(Phrase.of("data.error.builtInUnreadable", e.getMessage()), e);
        }
    }

    private static InputStream open(String resource) throws DatasetException {
        InputStream in = BuiltInDataset.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DatasetException(Phrase.of("data.error.builtInMissing", resource));
        }
        return in;
    }
}
