package io.ganstudio.core.quality;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.random.Rng;
import io.ganstudio.core.train.AdamOptimizer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains the evaluator's classifier on the Fashion-MNIST training set (60,000 images; never the built-in test set),
 * measures it on the 10,000 built-in images, computes the real-vs-real floor, and writes the weights and their
 * {@link EvaluatorCard}. Deterministic for a seed on one machine and thread count (weights drawn on the Java side,
 * data order from the seed).
 */
public final class ClassifierTraining {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";

    public record Settings(int epochs, float learningRate, long seed) {
    }

    private ClassifierTraining() {
    }

    public static EvaluatorCard run(Path fashionMnistDir, Path outDir, Settings settings, String command,
                                    PrintWriter log) throws IOException, DatasetException {
        Path images = fashionMnistDir.resolve(TRAIN_IMAGES);
        if (!Files.isRegularFile(images)) {
            throw new IOException("there is no " + TRAIN_IMAGES + " in " + fashionMnistDir + " (on Debian: "
                    + "apt-get install dataset-fashion-mnist, then use /usr/share/datasets/fashion-mnist)");
        }
        EngineSetup.init();
        ImageDataset train = DatasetLoader.load(DataSpec.idx(images.toString()), FashionClassifier.SIZE,
                LoadOptions.defaults(), null).dataset();
        if (!train.hasLabels() || train.count() < 10_000) {
            throw new IOException(images + " needs its labels file beside it and at least 10,000 images");
        }
        ImageDataset test = BuiltInImages.load();
        log.printf(Locale.ROOT, "training on %,d images from %s, testing on the %,d built-in images%n",
                train.count(), images, test.count());
        int batch = FashionClassifier.BATCH;
        try (NDManager root = NDManager.newBaseManager(EngineSetup.device());
             FashionClassifier net = FashionClassifier.untrained(root, settings.seed());
             AdamOptimizer adam = new AdamOptimizer(net.manager(), net.network().getParameters(),
                     settings.learningRate(), 0.9f, 0.999f)) {
            Loss loss = Loss.softmaxCrossEntropyLoss();
            float[] x = new float[batch * train.imageBytes()];
            float[] y = new float[batch];
            int[] indices = new int[batch];
            long start = System.nanoTime();
            int batches = train.count() / batch;
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                int[] order = Rng.derive(settings.seed(), 100 + epoch).permutation(train.count());
                double lossSum = 0;
                int lossCount = 0;
                for (int b = 0; b < batches; b++) {
                    for (int i = 0; i < batch; i++) {
                        indices[i] = order[b * batch + i];
                        y[i] = train.label(indices[i]);
                    }
                    train.fillBatch(indices, x);
                    try (NDManager sub = net.manager().newSubManager()) {
                        NDArray input = PortableOps.create(sub, x, new Shape(batch, 1, FashionClassifier.SIZE,
                                FashionClassifier.SIZE));
                        NDArray labels = PortableOps.create(sub, y, new Shape(batch));
                        NDArray l;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            l = loss.evaluate(new NDList(labels), new NDList(net.logits(input, true)));
                            gc.backward(l);
                        }
                        adam.update();
                        if (b % 50 == 49) {
                            lossSum += l.getFloat();
                            lossCount++;
                        }
                    }
                }
                log.printf(Locale.ROOT, "epoch %d: mean loss %.4f, %.0f s%n", epoch + 1,
                        lossSum / Math.max(1, lossCount), (System.nanoTime() - start) / 1e9);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            FashionClassifier.Output testOut = net.run(floats(test), test.count());
            int[] correct = new int[FashionClassifier.CLASSES];
            int[] total = new int[FashionClassifier.CLASSES];
            int allCorrect = 0;
            for (int i = 0; i < test.count(); i++) {
                int label = test.label(i);
                total[label]++;
                if (testOut.predicted(i) == label) {
                    correct[label]++;
                    allCorrect++;
                }
            }
            double accuracy = (double) allCorrect / test.count();
            List<Double> perClass = new ArrayList<>();
            for (int c = 0; c < correct.length; c++) {
                perClass.add(round((double) correct[c] / Math.max(1, total[c])));
            }
            log.printf(Locale.ROOT, "test accuracy on the built-in images: %.4f%n", accuracy);
            // The floor: as many training images as built-in ones, drawn with the seed.
            int floorN = test.count();
            int[] pick = Rng.derive(settings.seed(), 99).permutation(train.count());
            float[] floorImages = new float[floorN * train.imageBytes()];
            train.fillBatch(Arrays.copyOf(pick, floorN), floorImages);
            FashionClassifier.Output trainOut = net.run(floorImages, floorN);
            int d = FashionClassifier.FEATURES;
            double fid = FeatureDistance.fid(trainOut.features(), floorN, testOut.features(), test.count(), d);
            double kid = FeatureDistance.kid(root, trainOut.features(), floorN, testOut.features(), test.count(), d);
            log.printf(Locale.ROOT, "real-vs-real floor (%,d training vs %,d built-in images): FID %.3f, KID %.5f%n",
                    floorN, test.count(), fid, kid);
            Files.createDirectories(outDir);
            AtomicFiles.write(outDir.resolve("fashion-mnist-cnn.params"), net::save);
            EvaluatorCard card = new EvaluatorCard("conv3x3(32)-relu-maxpool2-conv3x3(64)-relu-maxpool2-"
                    + "dense(128)-relu[features]-dense(10)", images.toString(), command, settings.epochs(), batch,
                    Math.round(settings.learningRate() * 1e6) / 1e6, settings.seed(), round(seconds), round(accuracy), perClass, floorN,
                    round(fid), kid);
            byte[] json = card.toJson().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(outDir.resolve("fashion-mnist-cnn.json"), out -> out.write(json));
            return card;
        }
    }

    static float[] floats(ImageDataset data) {
        int[] all = new int[data.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] out = new float[data.count() * data.imageBytes()];
        data.fillBatch(all, out);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
