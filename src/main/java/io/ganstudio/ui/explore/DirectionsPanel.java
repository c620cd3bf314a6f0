package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.jobs.DirectionsJob;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explore's class directions on screen: a button that finds them (progress, cancel) and one slider per class
 * direction, named after its class with its held-out accuracy. The work and the state are {@link DirectionsModel}'s.
 */
public final class DirectionsPanel extends VBox {

    private final DirectionsModel model;
    private final ExploreText text;
    private final Button find = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Label info = new Label();
    private final GridPane sliders = new GridPane();
    private final List<Slider> sliderList = new ArrayList<>();
    private boolean zeroing;

    public DirectionsPanel(ExploreViewModel vm, ExploreText text, Subscriptions subs) {
        super(6);
        this.model = new DirectionsModel(vm, text, BackgroundTasks.common());
        this.text = text;
        setId("directionsPanel");
        Label heading = new Label(text.get("directions.heading"));
        heading.setStyle("-fx-font-weight: bold;");
        find.setText(text.get("directions.find"));
        find.setId("findDirections");
        find.setTooltip(Tips.of(text.format("directions.tooltip", DirectionsJob.CLASS_SAMPLES)));
        find.setOnAction(e -> model.find());
        find.disableProperty().bind(model.canFindProperty().not());
        cancel.setText(text.get("directions.cancel"));
        cancel.setId("cancelDirections");
        cancel.setOnAction(e -> model.cancel());
        progress.setPrefWidth(120);
        progress.setId("directionsProgress");
        progress.progressProperty().bind(model.progressProperty());
        for (var n : List.of(progress, cancel)) {
            n.visibleProperty().bind(model.busyProperty());
            n.managedProperty().bind(model.busyProperty());
        }
        WrappingRow row = new WrappingRow(8, 4, heading, find, progress, cancel);
        info.setWrapText(true);
        info.setId("directionsInfo");
        info.textProperty().bind(model.infoProperty());
        sliders.setHgap(8);
        sliders.setVgap(2);
        getChildren().addAll(row, info, sliders);
        subs.onChange(model.directionsProperty(), (o, a, ds) -> show(ds));
        subs.onChange(vm.sourceProperty(), (o, a, s) -> model.openedChanged());
        subs.onChange(vm.picksProperty(), (o, a, n) -> zeroSliders());
        subs.onDispose(model::cancel);
        model.openedChanged();
    }

    /** One slider per direction; the previous ones go. */
    private void show(List<LatentBook.Direction> ds) {
        sliders.getChildren().clear();
        sliderList.clear();
        for (int i = 0; i < ds.size(); i++) {
            LatentBook.Direction d = ds.get(i);
            Label name = new Label(text.format("directions.toward", DirectionsModel.className(d)));
            name.setMinWidth(110);
            Slider s = new Slider(-ExploreViewModel.RANGE, ExploreViewModel.RANGE, 0);
            s.setId("classSlider" + i);
            GridPane.setHgrow(s, Priority.ALWAYS);
            s.valueProperty().addListener((o, was, now) -> slid());
            Label value = new Label();
            value.setMinWidth(40);
            value.textProperty().bind(s.valueProperty().asString("%+.1f"));
            Label accuracy = new Label(String.format(Locale.ROOT, "%.0f%%", 100 * d.accuracy()));
            accuracy.setMinWidth(36);
            accuracy.setTooltip(Tips.of(text.get("directions.accuracyTip")));
            sliders.addRow(i, name, s, value, accuracy);
            sliderList.add(s);
        }
    }

    private void slid() {
        if (!zeroing) {
            model.slide(sliderList.stream().mapToDouble(Slider::getValue).toArray());
        }
    }

    /** A new pick starts from its seed: the sliders go back to zero without editing anything. */
    private void zeroSliders() {
        zeroing = true;
        try {
            sliderList.forEach(s -> s.setValue(0));
        } finally {
            zeroing = false;
        }
    }

    /** The sliders as shown (for tests). */
    List<Slider> sliders() {
        return List.copyOf(sliderList);
    }
}
