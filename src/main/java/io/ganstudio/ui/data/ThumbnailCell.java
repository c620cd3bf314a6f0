package io.ganstudio.ui.data;

import io.ganstudio.core.data.ImageDataset;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.controlsfx.control.GridCell;

import java.util.function.Supplier;

/**
 * One thumbnail of the virtualised grid. Only visible cells exist, and each keeps one WritableImage that it
 * repaints from {@link ImageDataset#argb(int)} when the grid gives it another index.
 */
final class ThumbnailCell extends GridCell<Integer> {

    private final Supplier<ImageDataset> dataset;
    private final ImageView view = new ImageView();
    private final Tooltip tip = new Tooltip();
    private WritableImage image;

    ThumbnailCell(Supplier<ImageDataset> dataset, double displaySize) {
        this.dataset = dataset;
        view.setFitWidth(displaySize);
        view.setFitHeight(displaySize);
        getStyleClass().add("thumbnail");
    }

    @Override
    protected void updateItem(Integer index, boolean empty) {
        super.updateItem(index, empty);
        ImageDataset d = dataset.get();
        if (empty || index == null || d == null || index >= d.count()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        int s = d.imageSize();
        if (image == null || (int) image.getWidth() != s) {
            image = new WritableImage(s, s);
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, s, s, PixelFormat.getIntArgbInstance(), d.argb(index), 0, s);
        // Small images look sharper enlarged without smoothing.
        view.setSmooth(s >= view.getFitWidth());
        setGraphic(view);
        int label = d.label(index);
        tip.setText("#" + index + (label >= 0 && label < d.classNames().size() ? "  " + d.classNames().get(label) : ""));
        setTooltip(tip);
    }
}
