package io.ganstudio.core.anomaly;

/**
 * One line of an inspection's results, as the CSV and the Inspect screen's table show it.
 *
 * @param path        the image file, relative to the inspected folder, '/' separated
 * @param anomalous   the truth from a labelled folder, or null when unknown
 * @param score       the anomaly score; {@code normalised} is score / threshold (1 at the threshold)
 * @param pixelNearest the baseline: mean squared pixel distance to the nearest normal training image (NaN if none)
 */
public record ScoreRow(String path, Boolean anomalous, double score, double normalised, double imageTerm,
                       double featureTerm, boolean aboveThreshold, double pixelNearest) {
}
