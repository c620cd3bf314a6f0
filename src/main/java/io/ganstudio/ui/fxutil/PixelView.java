package io.ganstudio.ui.fxutil;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows small generated images big and sharp: nearest-neighbour upscaling (a 28x28 tile should show its pixels,
 * not a blur), scaled by a whole factor when it fits so every source pixel is the same size on screen.
 * Reuses one WritableImage while the size stays the same, so a frame costs one setPixels and no allocation.
 */
public final class PixelView extends Region {

    private final ImageView view = new ImageView();
    private WritableImage image;

    public PixelView() {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        getChildren().add(view);
        getStyleClass().add("pixel-view");
        setMinSize(64, 64);
    }

    /** Shows the frame; FX thread only. Null clears the view. */
    public void show(ArgbFrame frame) {
        if (frame == null) {
            view.setImage(null);
            image = null;
            return;
        }
        if (image == null || (int) image.getWidth() != frame.width() || (int) image.getHeight() != frame.height()) {
            image = new WritableImage(frame.width(), frame.height());
            view.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                frame.argb(), 0, frame.width());
    }

    /** The image as shown (for tests and snapshots), or null. */
    public WritableImage image() {
        return image;
    }

    @Override
    protected void layoutChildren() {
        if (image == null) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double scale = Math.min(w / image.getWidth(), h / image.getHeight());
        if (scale >= 1) {
            scale = Math.floor(scale);
        }
        double iw = image.getWidth() * scale;
        double ih = image.getHeight() * scale;
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
