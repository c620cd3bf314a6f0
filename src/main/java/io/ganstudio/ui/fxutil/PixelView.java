package io.ganstudio.ui.fxutil;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows small generated images big and sharp: upscaled by a whole factor, nearest neighbour, so a 28x28 tile shows
 * its pixels instead of a blur. The upscaling is done here in the pixel buffer rather than by ImageView's fit size,
 * because {@code setSmooth(false)} is not honoured by every rendering pipeline. When the image is larger than the
 * space it is shrunk smoothly. Buffers are reused while the sizes stay the same: a frame costs one setPixels.
 */
public final class PixelView extends Region {

    private final ImageView view = new ImageView();
    private ArgbFrame frame;
    private WritableImage image;
    private int[] scaled = new int[0];
    private int scale = 1;
    private final BooleanProperty fill =
            new SimpleBooleanProperty(this, "fill", false);

    public PixelView() {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        getChildren().add(view);
        getStyleClass().add("pixel-view");
        setMinSize(64, 64);
        fill.addListener(o -> requestLayout());
    }

    /** Shows the frame; FX thread only. Null clears the view. */
    public void show(ArgbFrame newFrame) {
        boolean resized = frame == null || newFrame == null || frame.width() != newFrame.width()
                || frame.height() != newFrame.height();
        frame = newFrame;
        if (resized) {
            requestLayout();
        }
        paint();
    }

    /**
     * Fill the space: the image is upscaled by the whole factor just above what fits (nearest neighbour), then
     * shrunk smoothly by less than that factor to fill the space exactly. Off: the largest whole factor that fits,
     * centred (crisper, but a 1.9x space shows the image at 1x).
     */
    public BooleanProperty fillProperty() {
        return fill;
    }

    /** The whole factor the frame is upscaled by now (for tests). */
    public int scale() {
        return scale;
    }

    /** The size the image is shown at now, in layout pixels (for tests). */
    public double shownWidth() {
        return view.getFitWidth();
    }

    /** The frame on show (for tests), or null. */
    public ArgbFrame frame() {
        return frame;
    }

    /** The frame's pixel under a point in this view's coordinates as {x, y}, or null outside the image. */
    public int[] pixelAt(double x, double y) {
        if (frame == null || view.getFitWidth() <= 0 || view.getFitHeight() <= 0) {
            return null;
        }
        int px = (int) Math.floor((x - view.getLayoutX()) / view.getFitWidth() * frame.width());
        int py = (int) Math.floor((y - view.getLayoutY()) / view.getFitHeight() * frame.height());
        return px < 0 || py < 0 || px >= frame.width() || py >= frame.height() ? null : new int[] {px, py};
    }

    private void paint() {
        if (frame == null) {
            view.setImage(null);
            image = null;
            return;
        }
        int w = frame.width() * scale;
        int h = frame.height() * scale;
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            view.setImage(image);
        }
        int[] pixels = frame.argb();
        if (scale > 1) {
            if (scaled.length != w * h) {
                scaled = new int[w * h];
            }
            upscale(frame, scale, scaled);
            pixels = scaled;
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    }

    static void upscale(ArgbFrame f, int s, int[] out) {
        int w = f.width() * s;
        int[] src = f.argb();
        for (int y = 0; y < f.height(); y++) {
            int row = y * s * w;
            for (int x = 0; x < f.width(); x++) {
                int p = src[y * f.width() + x];
                int base = row + x * s;
                for (int k = 0; k < s; k++) {
                    out[base + k] = p;
                }
            }
            for (int k = 1; k < s; k++) {
                System.arraycopy(out, row, out, row + k * w, w);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        if (frame == null) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double fit = Math.min(w / frame.width(), h / frame.height());
        boolean filling = fill.get() && fit > 1 && fit != Math.floor(fit);
        int newScale = Math.max(1, Math.min(32, (int) (filling ? Math.ceil(fit) : Math.floor(fit))));
        if (newScale != scale) {
            scale = newScale;
            paint();
        }
        double iw = frame.width() * scale;
        double ih = frame.height() * scale;
        if (fit < 1 || filling) { // bigger than the space: let the ImageView shrink it smoothly
            view.setSmooth(true);
            iw = frame.width() * fit;
            ih = frame.height() * fit;
        } else {
            view.setSmooth(false);
        }
        view.setFitWidth(iw);
        view.setFitHeight(ih);
        view.relocate(snappedLeftInset() + Math.floor((w - iw) / 2), snappedTopInset() + Math.floor((h - ih) / 2));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 256;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 256;
    }
}
