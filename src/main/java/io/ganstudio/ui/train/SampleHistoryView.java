package io.ganstudio.ui.train;

import io.ganstudio.core.run.RunFolder;
import io.ganstudio.session.SessionState;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;

/**
 * The fixed-noise sample grid, live while training, with a slider that scrubs back through every grid saved so far.
 * At the right end the slider follows the newest grid; anywhere else it holds the chosen step while training goes
 * on, and its grid is read from disk in the background (newest request wins).
 */
public final class SampleHistoryView extends BorderPane implements Disposable {

    private final TrainViewModel vm;
    private final TrainText text;
    private final PixelView pixels = new PixelView();
    private final Slider slider = new Slider(0, 0, 0);
    private final Label stepLabel = new Label();
    private final Label empty;
    private final SampleFrames frames = new SampleFrames(24);
    private boolean following = true;
    private Path requested;
    private final Subscriptions subs = new Subscriptions();

    public SampleHistoryView(TrainViewModel vm, TrainText text) {
        this.vm = vm;
        this.text = text;
        getStyleClass().add("sample-history");
        empty = new Label(text.get("label.noSamples"));
        empty.setWrapText(true);
        // Presentation mode: the grid fills its pane (a projector shows it from the back of the room).
        pixels.fillProperty().bind(Presentation.onProperty());
        StackPane centre = new StackPane(pixels, empty);
        centre.setMinSize(160, 160);
        setCenter(centre);

        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setId("historySlider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        stepLabel.setMinWidth(110);
        stepLabel.setId("historyStep");
        HBox bar = new HBox(8, new Label(text.get("label.history")), slider, stepLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 0, 0));
        setBottom(bar);

        subs.onList(vm.samples(), c -> samplesChanged());
        subs.onChange(vm.liveGridProperty(), (o, was, now) -> {
            if (following) {
                show(now);
            }
        });
        slider.valueProperty().addListener((o, was, now) -> scrubbed());
        subs.onChange(vm.stateProperty(), (o, was, now) -> updateLabel()); // "(live)" goes when training stops
        samplesChanged();
    }

    @Override
    public void dispose() {
        subs.dispose();
    }

    public PixelView pixels() {
        return pixels;
    }

    public Slider slider() {
        return slider;
    }

    private void samplesChanged() {
        int n = vm.samples().size();
        boolean wasFollowing = following;
        slider.setMax(Math.max(0, n - 1));
        slider.setDisable(n < 2);
        if (wasFollowing || slider.getValue() > n - 1) {
            slider.setValue(Math.max(0, n - 1));
            following = true;
            if (vm.liveGridProperty().get() != null) {
                show(vm.liveGridProperty().get());
            } else if (n > 0) {
                load(vm.samples().get(n - 1).file()); // an opened run has no live grid: show its newest
            } else {
                show(null);
            }
        }
        updateLabel();
    }

    private void scrubbed() {
        int n = vm.samples().size();
        if (n == 0) {
            return;
        }
        int i = (int) Math.round(slider.getValue());
        following = i >= n - 1;
        if (following && vm.liveGridProperty().get() != null) {
            requested = null;
            show(vm.liveGridProperty().get());
        } else {
            load(vm.samples().get(Math.min(i, n - 1)).file());
        }
        updateLabel();
    }

    private void load(Path file) {
        requested = file;
        ArgbFrame cached = frames.cached(file);
        if (cached != null) {
            show(cached);
            return;
        }
        BackgroundTasks.common().run(text.get("label.history"), () -> frames.load(file), f -> {
            if (file.equals(requested)) {
                show(f);
            }
        }, e -> vm.warnings().add(e.getMessage()));
    }

    private void show(ArgbFrame frame) {
        pixels.show(frame);
        empty.setVisible(frame == null);
    }

    private void updateLabel() {
        int n = vm.samples().size();
        if (n == 0) {
            stepLabel.setText("");
            return;
        }
        int i = Math.min(n - 1, (int) Math.round(slider.getValue()));
        String step = text.format("label.historyStep", vm.samples().get(i).step());
        stepLabel.setText(following && vm.stateProperty().get() == SessionState.RUNNING ? step + " (" + text.get("label.live") + ")"
                : step);
    }
}
