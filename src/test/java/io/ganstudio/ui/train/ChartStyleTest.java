package io.ganstudio.ui.train;

import io.ganstudio.ui.present.Palette;
import io.ganstudio.ui.present.Presentation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation mode restyles the Train charts: Okabe-Ito colours, lines twice as wide, fonts 1.5x and more. */
class ChartStyleTest {

    @AfterEach
    void off() {
        Presentation.remember(false, b -> { });
    }

    private static float width(XYLineAndShapeRenderer r, int series) {
        return ((BasicStroke) r.getSeriesStroke(series)).getLineWidth();
    }

    @Test
    void presentationModeThickensTheLinesAndUsesTheColourBlindSafePalette() {
        TrainingCharts charts = new TrainingCharts(new TrainText(Locale.ENGLISH));
        try {
            JFreeChart chart = charts.lossChart();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
            // Series 0, 1: raw D and G loss (faint); 2, 3: smoothed (bold).
            assertEquals(2f, width(r, 2));
            assertEquals(new Color(Palette.STANDARD.first()), r.getSeriesPaint(2));
            int ticks = chart.getXYPlot().getDomainAxis().getTickLabelFont().getSize();
            assertTrue(chart.getTitle().isVisible());

            Presentation.remember(true, b -> { }); // saved nowhere: no studio window here
            TrainingCharts.style(chart);
            assertEquals(4f, width(r, 2));
            assertEquals(2f, width(r, 0));
            assertEquals(new Color(Palette.OKABE_ITO.first()), r.getSeriesPaint(2));
            assertEquals(new Color(Palette.OKABE_ITO.second()), r.getSeriesPaint(3));
            assertEquals(Palette.OKABE_ITO.second(), ((Color) r.getSeriesPaint(1)).getRGB() & 0xFFFFFF, "faint, same hue");
            assertTrue(chart.getXYPlot().getDomainAxis().getTickLabelFont().getSize() >= 1.5 * ticks);
            assertFalse(chart.getTitle().isVisible(), "the legend names the curves; the plot gets the room");

            Presentation.remember(false, b -> { });
            TrainingCharts.style(chart);
            assertEquals(2f, width(r, 2));
            assertEquals(new Color(Palette.STANDARD.first()), r.getSeriesPaint(2));
        } finally {
            charts.dispose();
        }
    }
}
