package io.ganstudio.core.train;

import io.ganstudio.core.image.SampleGrid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Finding the sample under a point of a grid picture, for the Train screen's "nearest training images". */
class GridCellTest {

    /** n 8x8 grey images, image i filled with a value of its own. */
    private static float[] images(int n) {
        float[] nchw = new float[n * 64];
        for (int i = 0; i < n; i++) {
            Arrays.fill(nchw, i * 64, (i + 1) * 64, -1f + 2f * i / n);
        }
        return nchw;
    }

    @Test
    void eachCellOfAPlainGridIsFoundAndGapsAreNot() {
        float[] nchw = images(7); // 3 columns, 3 rows, the last two cells empty
        SampleGrid g = SampleGrid.of(nchw, 7, 1, 8);
        for (int i = 0; i < 7; i++) {
            int x = (i % 3) * 10 + 4;
            int y = (i / 3) * 10 + 4;
            assertArrayEquals(SampleGrid.toArgb(nchw, i, 1, 8), SampleGrid.cellAt(g.argb(), g.width(), g.height(), 8,
                    false, x, y), "cell " + i);
        }
        assertNull(SampleGrid.cellAt(g.argb(), g.width(), g.height(), 8, false, 8, 4), "the gap after column 0");
        assertNull(SampleGrid.cellAt(g.argb(), g.width(), g.height(), 8, false, 25, 25), "an empty cell");
    }

    @Test
    void classRowsSkipTheirLabelColumn() {
        float[] nchw = images(16);
        SampleGrid g = SampleGrid.classRows(nchw, 2, SampleGrid.CLASS_COLUMNS, 1, 8, List.of("shirt", "bag"));
        int left = g.width() - (8 * 8 + 7 * SampleGrid.GAP);
        assertArrayEquals(SampleGrid.toArgb(nchw, 9, 1, 8), SampleGrid.cellAt(g.argb(), g.width(), g.height(), 8,
                true, left + 10 + 3, 10 + 3));
        assertNull(SampleGrid.cellAt(g.argb(), g.width(), g.height(), 8, true, left / 2, 3), "the label");
    }
}
