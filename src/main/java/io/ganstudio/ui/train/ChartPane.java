package io.ganstudio.ui.train;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows a chart that was drawn off the FX thread, as pixels. Tells its owner when its size changes, so the chart is
 * drawn again at the new size.
 */
final class ChartPane extends Region {

    private final ImageView view = new ImageView();
    private final Runnable resized;
    private WritableImage image;
    private int drawnWidth;
    private int drawnHeight;

    ChartPane(Runnable resized) {
        this.resized = resized;
        getChildren().add(view);
        setMinSize(200, 140);
        setPrefSize(480, 260);
        getStyleClass().add("chart-pane");
    }

    /** Size in whole pixels, for the chart thread. */
    int pixelWidth() {
        return Math.max(1, (int) Math.floor(getWidth()));
    }

    int pixelHeight() {
        return Math.max(1, (int) Math.floor(getHeight()));
    }

    /** FX thread: shows a drawn chart (ARGB, width*height). */
    void show(int width, int height, int[] argb) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        drawnWidth = width;
        drawnHeight = height;
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
        if (getWidth() >= 1 && getHeight() >= 1 && (pixelWidth() != drawnWidth || pixelHeight() != drawnHeight)) {
            resized.run();
        }
    }
}
