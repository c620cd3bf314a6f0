package io.ganstudio.ui.train;

import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.NearestPicker;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.PixelView;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.nio.file.Path;
import java.util.List;

/**
 * Clicking a sample of the Train screen's grid shows its nearest training images (pixel space and the run's
 * discriminator's features, with the distances) through the Explore screen's {@link NearestPicker}: the run's newest
 * checkpoint gives the discriminator, and a newer checkpoint loads afresh.
 */
final class GridPick implements Disposable {

    private final TrainViewModel vm;
    private final TrainText text;
    private final PixelView pixels;
    private final NearestPicker picker;
    private final Label status = new Label();

    GridPick(PixelView pixels, TrainViewModel vm, TrainText text) {
        this.vm = vm;
        this.text = text;
        this.pixels = pixels;
        this.picker = new NearestPicker(new ExploreText(text.locale()));
        status.setId("gridPickStatus");
        status.setWrapText(true);
        Tooltip.install(pixels, Tips.of(text.get("grid.pick.help")));
        pixels.setCursor(Cursor.HAND);
        pixels.setOnMouseClicked(e -> pick(e.getX(), e.getY()));
    }

    /** Where it says what it is doing (finding, failed). */
    Label status() {
        return status;
    }

    /** The sample of the grid on show under a point of the grid view, or null (a gap, a label, no grid). */
    ArgbFrame sampleAt(double x, double y) {
        ArgbFrame grid = pixels.frame();
        GanConfig config = vm.runConfigProperty().get();
        int[] at = pixels.pixelAt(x, y);
        if (grid == null || config == null || at == null) {
            return null;
        }
        int size = config.model().imageSize();
        int[] cell = SampleGrid.cellAt(grid.argb(), grid.width(), grid.height(), size,
                config.model().classCount() > 0, at[0], at[1]);
        return cell == null ? null : new ArgbFrame(size, size, cell);
    }

    void pick(double x, double y) {
        ArgbFrame sample = sampleAt(x, y);
        Path dir = vm.runDirProperty().get();
        if (sample == null || dir == null) {
            return;
        }
        List<Path> checkpoints = Checkpoints.list(dir.resolve(RunFolder.CHECKPOINTS));
        if (checkpoints.isEmpty()) {
            status.setText(text.get("grid.pick.noCheckpoint"));
            return;
        }
        picker.show(pixels.getScene() == null ? null : pixels.getScene().getWindow(),
                checkpoints.get(checkpoints.size() - 1), sample, status::setText);
    }

    @Override
    public void dispose() {
        picker.close();
    }
}
