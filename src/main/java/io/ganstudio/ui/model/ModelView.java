package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Model screen: preset, form and problems on the left; size, speed and the layer diagram on the right. */
public final class ModelView extends BorderPane implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    public ModelView(ModelViewModel vm) {
        getStyleClass().add("screen");
        setTop(header(vm));

        ScrollPane formScroll = new ScrollPane(new ModelForm(vm));
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("plain-scroll");
        // Presentation mode's larger text needs a wider form. The form needs 428 px; its vertical scroll bar (the form
        // is taller than a 1280x800 window) and the pane's insets take 14 more.
        formScroll.minWidthProperty().bind(Bindings.when(
                Presentation.onProperty()).then(600.0).otherwise(442.0));
        formScroll.prefWidthProperty().bind(Bindings.when(
                Presentation.onProperty()).then(640.0).otherwise(482.0));

        // Side by side where there is room, one above the other in a narrow column (presentation mode).
        WrappingRow diagrams = new WrappingRow(18, 12,
                new NetworkDiagram(Messages.get("model.generator"), "model.diagram.noise", "model.diagram.image",
                        vm.generatorLayersProperty()),
                new NetworkDiagram(Messages.get("model.discriminator"), "model.diagram.inputImage",
                        "model.diagram.score", vm.discriminatorLayersProperty()));
        Label margin = new Label();
        margin.setId("networkMargin");
        margin.setWrapText(true);
        margin.getStyleClass().add("muted");
        margin.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelConfig m = vm.modelProperty().get();
            return m == null || m.networkMargin() == 0 ? "" : Messages.format("model.diagram.margin",
                    m.imageSize(), m.networkSize());
        }, vm.modelProperty()));
        margin.visibleProperty().bind(margin.textProperty().isNotEmpty());
        margin.managedProperty().bind(margin.visibleProperty());
        VBox diagramCard = new VBox(10, diagrams, margin);
        diagramCard.getStyleClass().add("card");
        // Problems stand at the top of the right column, visible however far the form is scrolled.
        VBox right = new VBox(16, problems(vm), choiceNote(vm), new ModelStatsPanel(vm), diagramCard);
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.getStyleClass().add("plain-scroll");
        HBox.setHgrow(rightScroll, Priority.ALWAYS);

        HBox body = new HBox(20, formScroll, rightScroll);
        setCenter(body);
    }

    private HBox header(ModelViewModel vm) {
        Label title = new Label(Messages.get("screen.model"));
        title.getStyleClass().add("screen-title");
        Label presetLabel = new Label(Messages.get("model.preset"));
        ComboBox<ModelPreset> preset = new ComboBox<>(FXCollections.observableArrayList(ModelPreset.values()));
        preset.setId("preset");
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelPreset p) {
                return p == null ? "" : Messages.get(p.labelKey());
            }

            @Override
            public ModelPreset fromString(String s) {
                return null;
            }
        });
        preset.setValue(vm.presetProperty().get());
        subs.onChange(vm.presetProperty(), (o, a, p) -> preset.setValue(p));
        // Only a choice that differs from the form's preset fills the form (this also ends the echo from above).
        preset.valueProperty().addListener((o, a, p) -> {
            if (p != vm.presetProperty().get()) {
                vm.applyPreset(p);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        preset.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(12, title, spacer, presetLabel, preset);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("screen-header");
        return h;
    }

    /** What the studio chose for the loaded data and why (a small colour folder's networks); hidden otherwise. */
    private Label choiceNote(ModelViewModel vm) {
        Label note = new Label();
        note.setId("choiceNote");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        note.textProperty().bind(Bindings.createStringBinding(vm::choiceNote, vm.noteImagesProperty()));
        note.visibleProperty().bind(vm.noteImagesProperty().greaterThan(0));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private VBox problems(ModelViewModel vm) {
        VBox box = new VBox(6);
        box.setId("problems");
        box.getStyleClass().add("problems");
        Runnable refresh = () -> {
            box.getChildren().clear();
            if (vm.problemsProperty().isEmpty()) {
                Label ok = new Label("\u2713 " + Messages.get("model.valid"));
                ok.getStyleClass().add("ok-text");
                ok.setWrapText(true);
                box.getChildren().add(ok);
                box.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), false);
                return;
            }
            box.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), true);
            for (String p : vm.problemsProperty()) {
                Label l = new Label("\u2022 " + p);
                l.setWrapText(true);
                l.getStyleClass().add("problem-text");
                box.getChildren().add(l);
            }
        };
        subs.onList(vm.problemsProperty(), c -> refresh.run());
        refresh.run();
        return box;
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
