package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Explore's class controls for a conditional generator: a class picker (the point on show, rendered as the chosen
 * class), a "same z, every class" strip that follows the point on show (clicking an image picks its class), and a
 * walk from the picked class toward another at the same z (the class embeddings blended by a slider), shown in a
 * preview beside. Hidden (and taking no space) for a generator without classes.
 */
public final class ClassPanel extends VBox {

    private static final int THUMB = 44;

    private final ExploreViewModel vm;
    private final ExploreText text;
    private final ChoiceBox<String> picker = new ChoiceBox<>();
    private final FlowPane strip = new FlowPane(4, 4);
    private final Label error = new Label();
    private final List<PixelView> thumbs = new ArrayList<>();
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private final Slider blend = new Slider(0, 1, 0);
    private final PixelView blended = new PixelView();
    // Latest wins: one strip render in flight, the newest request waits.
    private boolean busy;
    private boolean again;
    private boolean updatingPicker;

    public ClassPanel(ExploreViewModel vm, ExploreText text, Subscriptions subs) {
        super(6);
        this.vm = vm;
        this.text = text;
        setId("classPanel");
        Label heading = new Label(text.get("class.heading"));
        heading.setStyle("-fx-font-weight: bold;");
        picker.setId("classPicker");
        picker.setTooltip(Tips.of(text.get("class.tooltip")));
        picker.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!updatingPicker && now.intValue() >= 0) {
                choose(now.intValue());
            }
        });
        WrappingRow row = new WrappingRow(8, 4, heading, picker);
        Label stripLabel = new Label(text.get("class.strip"));
        strip.setId("classStrip");
        strip.setPrefWrapLength(380);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #9a3000;");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        target.setId("classTarget");
        target.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> requestStrip());
        blend.setId("classBlend");
        blend.valueProperty().addListener((o, was, now) -> requestStrip());
        HBox.setHgrow(blend, Priority.ALWAYS);
        Label walk = new Label(text.get("class.walk"));
        walk.setMinWidth(Region.USE_PREF_SIZE);
        HBox walkRow = new HBox(8, walk, target, blend);
        walkRow.setAlignment(Pos.CENTER_LEFT);
        blended.setId("classBlended");
        blended.setPrefSize(2 * THUMB, 2 * THUMB);
        blended.setMinSize(2 * THUMB, 2 * THUMB);
        blended.setMaxSize(2 * THUMB, 2 * THUMB);
        Tooltip.install(blended, Tips.of(text.get("class.walkTooltip")));
        getChildren().addAll(row, stripLabel, strip, walkRow, blended, error);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        subs.onChange(vm.sourceProperty(), (o, a, s) -> opened(s));
        subs.onChange(vm.imageProperty(), (o, a, f) -> requestStrip());
        subs.onChange(vm.classRequestProperty(), (o, a, c) -> {
            int index = c.intValue();
            if (isVisible() && index >= 0 && index < picker.getItems().size()) {
                picker.getSelectionModel().select(index);
            }
        });
        opened(vm.sourceProperty().get());
    }

    private void opened(ImageSource s) {
        List<String> classes = s == null ? List.of() : s.classes();
        setVisible(!classes.isEmpty());
        vm.setCliClass(null);
        error.setText("");
        thumbs.clear();
        strip.getChildren().clear();
        updatingPicker = true;
        try {
            picker.getItems().setAll(classes);
            target.getItems().setAll(classes);
            blend.setValue(0);
            if (!classes.isEmpty()) {
                picker.getSelectionModel().select(0);
                target.getSelectionModel().select(Math.min(1, classes.size() - 1));
                s.useClass(0); // the picked point is rendered as the first class, as the picker says
                vm.setCliClass(classes.get(0));
            }
        } finally {
            updatingPicker = false;
        }
        for (int c = 0; c < classes.size(); c++) {
            int index = c;
            PixelView v = new PixelView();
            v.setPrefSize(THUMB, THUMB);
            v.setMinSize(THUMB, THUMB);
            v.setMaxSize(THUMB, THUMB);
            v.setId("classThumb" + c);
            Tooltip.install(v, Tips.of(classes.get(c)));
            v.setOnMouseClicked(e -> picker.getSelectionModel().select(index));
            Label name = new Label(classes.get(c));
            name.setMaxWidth(THUMB + 16);
            name.setStyle("-fx-font-size: 0.77em;");
            VBox cell = new VBox(1, v, name);
            cell.setAlignment(Pos.TOP_CENTER);
            cell.setPrefWidth(THUMB + 16);
            thumbs.add(v);
            strip.getChildren().add(cell);
        }
        if (!classes.isEmpty()) {
            vm.rerender();
        }
    }

    /** The picked class: the grid and the image on show are rendered as that class. */
    private void choose(int classIndex) {
        ImageSource s = vm.sourceProperty().get();
        if (s == null || s.classes().isEmpty()) {
            return;
        }
        try {
            s.useClass(classIndex);
            vm.setCliClass(s.classes().get(classIndex));
            error.setText("");
            vm.rerender();
        } catch (IllegalArgumentException e) {
            error.setText(text.format("class.error", ErrorText.of(e, text.locale())));
        }
    }

    /** The class on show (index), or -1 without classes. */
    public int chosenClass() {
        return isVisible() ? picker.getSelectionModel().getSelectedIndex() : -1;
    }

    private void requestStrip() {
        if (!isVisible() || updatingPicker) {
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        ImageSource s = vm.sourceProperty().get();
        float[] z = vm.currentZ();
        if (s == null || z == null) {
            return;
        }
        int k = s.classes().size();
        // Every class at this z, then the walk's point: the picked class blended toward the target by t.
        List<float[]> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            float[] w = new float[k];
            w[c] = 1f;
            rows.add(w);
        }
        float[] mix = new float[k];
        int from = Math.max(0, picker.getSelectionModel().getSelectedIndex());
        int to = Math.max(0, target.getSelectionModel().getSelectedIndex());
        float t = (float) blend.getValue();
        mix[from] += 1 - t;
        mix[to] += t;
        rows.add(mix);
        busy = true;
        s.renderBlend(Collections.nCopies(k + 1, z), rows).whenComplete((images, e) -> Platform.runLater(() -> {
            busy = false;
            if (vm.sourceProperty().get() != s) {
                return;
            }
            if (e != null) {
                error.setText(text.format("class.error", ErrorText.of(
                        e.getCause() != null ? e.getCause() : e, text.locale())));
            } else {
                for (int c = 0; c < images.size() && c < thumbs.size(); c++) {
                    thumbs.get(c).show(new ArgbFrame(s.imageSize(), s.imageSize(), images.get(c)));
                }
                blended.show(new ArgbFrame(s.imageSize(), s.imageSize(), images.get(images.size() - 1)));
            }
            if (again) {
                again = false;
                requestStrip();
            }
        }));
    }
}
