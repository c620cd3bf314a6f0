package io.ganstudio.core.data;

/** The centred square of one IDX record (HWC bytes) as rows. */
final class IdxRows implements RowSource {

    private final byte[] data;
    private final int base;
    private final int width;
    private final int channels;
    private final int side;
    private final int x0;
    private final int y0;

    IdxRows(IdxFormat.IdxImages images, int index) {
        this.data = images.data();
        this.width = images.width();
        this.channels = images.channels();
        this.base = index * images.height() * width * channels;
        this.side = Math.min(width, images.height());
        this.x0 = (width - side) / 2;
        this.y0 = (images.height() - side) / 2;
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void row(int y, int[][] out) {
        int start = base + ((y0 + y) * width + x0) * channels;
        for (int x = 0; x < side; x++) {
            for (int c = 0; c < channels; c++) {
                out[c][x] = data[start + x * channels + c] & 0xFF;
            }
        }
    }
}
