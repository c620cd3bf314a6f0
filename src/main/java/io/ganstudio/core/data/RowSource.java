package io.ganstudio.core.data;

/** A square image read one row at a time, so huge sources never need a second full-size copy. */
interface RowSource {

    /** Width and height of the square. */
    int side();

    /** Channels written by {@link #row}: 1 (gray) or 3 (RGB). */
    int channels();

    /** Fills {@code out[c][x]} with row y's values 0..255, alpha already composited. */
    void row(int y, int[][] out);
}
