package io.ganstudio.core.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well scores separate normal from anomalous images when the truth is known: AUROC (the chance that a random
 * anomalous image scores above a random normal one, ties counting half), the ROC curve, and precision, recall and
 * F1 at a threshold (anomalous is the positive class).
 */
public record LabelledMetrics(int normal, int anomalous, double auroc, double precision, double recall, double f1,
                              List<RocPoint> roc) {

    /** One point of the ROC curve: false-positive rate, true-positive rate, at scores above {@code threshold}. */
    public record RocPoint(double falsePositiveRate, double truePositiveRate, double threshold) {
    }

    /**
     * @param scores    one per image
     * @param anomalous the truth per image
     * @return null unless both normal and anomalous images are present
     */
    public static LabelledMetrics of(double[] scores, boolean[] anomalous, double threshold) {
        int n = scores.length;
        int pos = 0;
        for (boolean a : anomalous) {
            pos += a ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return null;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // highest first
        // Walk down the scores: each distinct score is one ROC point; ties move diagonally (AUROC counts them half).
        List<RocPoint> roc = new ArrayList<>();
        roc.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
        double area = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < n; ) {
            double s = scores[order[i]];
            int tpBefore = tp;
            int fpBefore = fp;
            while (i < n && scores[order[i]] == s) {
                if (anomalous[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            area += (fp - fpBefore) * (tp + tpBefore) / 2.0;
            roc.add(new RocPoint((double) fp / neg, (double) tp / pos, s));
        }
        double auroc = area / ((double) pos * neg);
        int tpAt = 0;
        int fpAt = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] > threshold) {
                if (anomalous[i]) {
                    tpAt++;
                } else {
                    fpAt++;
                }
            }
        }
        double precision = tpAt + fpAt == 0 ? 0 : (double) tpAt / (tpAt + fpAt);
        double recall = (double) tpAt / pos;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LabelledMetrics(neg, pos, auroc, precision, recall, f1, thin(roc, 512));
    }

    /** At most {@code max} points, keeping the first and last (the curve is for drawing, AUROC is exact). */
    private static List<RocPoint> thin(List<RocPoint> roc, int max) {
        if (roc.size() <= max) {
            return List.copyOf(roc);
        }
        List<RocPoint> out = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            out.add(roc.get((int) Math.round((double) k * (roc.size() - 1) / (max - 1))));
        }
        return List.copyOf(out);
    }
}
