package io.ganstudio.core.playground;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Points too close together to scale (a spread of denormal doubles) are refused instead of training on NaN. */
class PointsCsvSpreadTest {

    private static String points(double step) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(i % 2 == 0 ? "0" : Double.toString(step)).append(',').append(i % 3 == 0 ? "0" : "0.0")
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void aDenormalSpreadIsRefusedWithALine() {
        for (double step : new double[]{Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL / 2}) {
            PointsCsv.BadCsvException e = assertThrows(PointsCsv.BadCsvException.class,
                    () -> PointsCsv.parse(points(step)));
            assertTrue(e.getMessage().contains("too close together"), e.getMessage());
        }
    }

    @Test
    void aTinyButNormalSpreadStillScales() throws Exception {
        double[] xy = PointsCsv.parse(points(1e-300));
        for (double v : xy) {
            assertTrue(Double.isFinite(v) && v >= 0.0 && v <= 1.0, "scaled into the square: " + v);
        }
    }

    @Test
    void theGanTrainsToFiniteLossesOnAnAcceptedSet() throws Exception {
        PlaygroundGan gan = new PlaygroundGan(PlaygroundConfig.defaults(), PointsCsv.parse(points(1e-300)));
        for (int i = 0; i < 20; i++) {
            gan.trainStep();
        }
        assertTrue(Double.isFinite(gan.lastDLoss()) && Double.isFinite(gan.lastGLoss()) && Double.isFinite(gan.js()));
    }
}
