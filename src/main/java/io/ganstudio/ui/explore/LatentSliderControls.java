package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * Explore's latent sliders on screen: the mode (principal directions or single dimensions), the page, a named slider
 * per direction or dimension with its value, Reset, and the truncation slider. The state is
 * {@link LatentSlidersModel}'s and {@link ExploreViewModel}'s.
 */
final class LatentSliderControls {

    private LatentSliderControls() {
    }

    static List<Node> sliders(ExploreViewModel vm, ExploreText text, Subscriptions subs) {
        LatentSlidersModel model = vm.sliders();
        List<Node> nodes = new ArrayList<>();
        ChoiceBox<ExploreViewModel.SliderMode> mode = new ChoiceBox<>();
        mode.getItems().setAll(ExploreViewModel.SliderMode.values());
        mode.setConverter(new StringConverter<>() {
            public String toString(ExploreViewModel.SliderMode m) {
                return m == null ? "" : text.get("mode." + m.name());
            }

            public ExploreViewModel.SliderMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.disableProperty().bind(model.directionsReadyProperty().not());
        Spinner<Integer> page = new Spinner<>(1, 1, 1);
        page.setId("page");
        page.setPrefWidth(70);
        subs.onChange(model.pageCountProperty(), (o, a, n) -> {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) page.getValueFactory())
                    .setMax(n.intValue());
        });
        page.valueProperty().addListener((o, a, v) -> model.pageProperty().set(v - 1));
        subs.onChange(model.pageProperty(), (o, a, v) -> page.getValueFactory().setValue(v.intValue() + 1));
        Label pageOf = new Label();
        pageOf.textProperty().bind(Bindings.createStringBinding(() -> text.format("label.pageOf",
                model.pageCountProperty().get()), model.pageCountProperty()));
        Label slidersLabel = new Label(text.get("label.sliders"));
        slidersLabel.setStyle("-fx-font-weight: bold;");
        WrappingRow modeRow = new WrappingRow(8, 4, slidersLabel, mode);
        HBox pageRow = new HBox(8, new Label(text.get("label.page")), page, pageOf);
        pageRow.setAlignment(Pos.CENTER_LEFT);
        Label directionsError = new Label();
        directionsError.setId("directionsError");
        directionsError.setWrapText(true);
        directionsError.setStyle("-fx-text-fill: #9a3000;");
        directionsError.textProperty().bind(Bindings.createStringBinding(() -> model.directionsErrorProperty().get()
                .isEmpty() ? "" : text.format("error.directions", model.directionsErrorProperty().get()),
                model.directionsErrorProperty()));
        directionsError.visibleProperty().bind(model.directionsErrorProperty().isNotEmpty());
        directionsError.managedProperty().bind(directionsError.visibleProperty());
        nodes.add(modeRow);
        nodes.add(directionsError);
        nodes.add(pageRow);
        GridPane rows = new GridPane();
        rows.setHgap(8);
        rows.setVgap(2);
        for (int i = 0; i < ExploreViewModel.SLIDERS; i++) {
            int slot = i;
            Label name = new Label();
            name.setMinWidth(90);
            name.textProperty().bind(Bindings.createStringBinding(() -> {
                int target = model.sliderTargetProperty(slot).get();
                if (target < 0) {
                    return "";
                }
                List<String> names = model.directionNamesProperty().get();
                if (model.modeProperty().get() == ExploreViewModel.SliderMode.DIRECTIONS && target < names.size()
                        && !names.get(target).isBlank()) {
                    return names.get(target);
                }
                return model.modeProperty().get() == ExploreViewModel.SliderMode.DIRECTIONS
                        ? text.format("label.direction", target + 1) : text.format("label.dimension", target);
            }, model.sliderTargetProperty(slot), model.modeProperty(), model.directionNamesProperty()));
            Slider s = new Slider(-ExploreViewModel.RANGE, ExploreViewModel.RANGE, 0);
            s.setId("slider" + i);
            s.valueProperty().bindBidirectional(model.sliderProperty(i));
            s.disableProperty().bind(model.sliderTargetProperty(slot).lessThan(0));
            watchFocus(vm, s);
            GridPane.setHgrow(s, Priority.ALWAYS);
            Label value = new Label();
            value.setMinWidth(44);
            value.textProperty().bind(model.sliderProperty(i).asString("%+.2f"));
            rows.addRow(i, name, s, value);
        }
        nodes.add(rows);
        Button reset = new Button(text.get("button.reset"));
        reset.setOnAction(e -> vm.resetEdits());
        reset.disableProperty().bind(vm.editedProperty().not());
        nodes.add(reset);
        return nodes;
    }

    static HBox truncation(ExploreViewModel vm, ExploreText text) {
        Slider psi = new Slider(0, 1, 1);
        psi.setId("truncation");
        psi.valueProperty().bindBidirectional(vm.truncationProperty());
        watchFocus(vm, psi);
        psi.setTooltip(Tips.of(text.get("tooltip.truncation")));
        HBox.setHgrow(psi, Priority.ALWAYS);
        Label value = new Label();
        value.setMinWidth(44);
        value.textProperty().bind(vm.truncationProperty().asString("%.2f"));
        Label name = new Label(text.get("label.truncation"));
        name.setStyle("-fx-font-weight: bold;");
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, name, psi, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A slider reached by keyboard: the arrow keys come next. */
    static void watchFocus(ExploreViewModel vm, Slider s) {
        s.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.handNearSliders();
            }
        });
    }
}
