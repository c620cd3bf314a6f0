package io.ganstudio.core.quality;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.engine.EngineSetup;

import java.util.Locale;

/**
 * The shipped evaluator classifier's accuracy per class on the 10,000 built-in images: the ceiling for "the
 * classifier agrees with the requested class" on a conditional run. Run with the test class path:
 * {@code java -cp CLASSPATH io.ganstudio.core.quality.EvaluatorAccuracyMain}.
 */
public final class EvaluatorAccuracyMain {

    private EvaluatorAccuracyMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        EngineSetup.init();
        ImageDataset data = BuiltInImages.load();
        try (NDManager m = NDManager.newBaseManager(); FashionClassifier c = FashionClassifier.shipped(m)) {
            FashionClassifier.Output out = c.run(ClassifierTraining.floats(data), data.count());
            int k = FashionClassifier.CLASSES;
            int[] total = new int[k];
            int[] right = new int[k];
            int[][] confusion = new int[k][k];
            for (int i = 0; i < data.count(); i++) {
                int label = data.label(i);
                total[label]++;
                right[label] += out.predicted(i) == label ? 1 : 0;
                confusion[label][out.predicted(i)]++;
            }
            int all = 0;
            for (int c2 = 0; c2 < k; c2++) {
                all += right[c2];
                int worst = -1;
                for (int j = 0; j < k; j++) {
                    if (j != c2 && (worst < 0 || confusion[c2][j] > confusion[c2][worst])) {
                        worst = j;
                    }
                }
                System.out.printf(Locale.ROOT, "%-12s %5d images  accuracy %.3f  most often taken for %s (%d)%n",
                        data.classNames().get(c2), total[c2], (double) right[c2] / total[c2],
                        data.classNames().get(worst), confusion[c2][worst]);
            }
            System.out.printf(Locale.ROOT, "all          %5d images  accuracy %.4f%n", data.count(),
                    (double) all / data.count());
        }
    }
}
