package io.ganstudio.core.quality;

import io.ganstudio.core.run.GanJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the shipped classifier is and how good it is, as written by {@code gan-studio evaluator train} beside its
 * weights ({@code assets/evaluator/fashion-mnist-cnn.json}): how it was trained, its accuracy on the 10,000
 * built-in (test) images, and the real-vs-real floor (FID and KID between 10,000 training images and the 10,000
 * built-in ones), which users cannot compute themselves because the application does not carry the training set.
 */
public record EvaluatorCard(String architecture, String trainedOn, String command, int epochs, int batchSize,
                            double learningRate, long seed, double trainSeconds, double testAccuracy,
                            List<Double> testAccuracyPerClass, int floorSamples, double floorFid, double floorKid) {

    public static final String RESOURCE = "/evaluator/fashion-mnist-cnn.json";

    public static EvaluatorCard shipped() throws IOException {
        try (InputStream in = EvaluatorCard.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the evaluator's description " + RESOURCE + " is missing from the application");
            }
            return GanJson.pretty().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    EvaluatorCard.class);
        }
    }

    public String toJson() {
        return GanJson.pretty().toJson(this) + "\n";
    }
}
