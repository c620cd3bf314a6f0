package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/** Every model and training setting, in titled groups; each control is bound to the ViewModel. */
final class ModelForm extends VBox {

    private final ModelViewModel vm;
    private final Node network;
    private final Node loss;
    private final Node stability;
    private final Node optimizer;
    private final Node schedule;
    private final VBox advancedBox = new VBox(18);
    private final TitledPane advanced = new TitledPane(Messages.get("model.section.advanced"), advancedBox);
    /** Held here, listened to weakly: a language switch drops this form while the switch lives on. */
    private final ChangeListener<Boolean> presentation = (o, a, on) -> arrange(on);

    ModelForm(ModelViewModel vm) {
        super(18);
        this.vm = vm;
        getStyleClass().add("model-form");
        network = networkSection();
        loss = lossSection();
        stability = stabilitySection();
        optimizer = optimizerSection();
        schedule = scheduleSection();
        advanced.setId("advancedSettings");
        advanced.getStyleClass().add("advanced-settings");
        advanced.setExpanded(false);
        arrange(Presentation.isOn());
        Presentation.onProperty().addListener(new WeakChangeListener<>(presentation));
    }

    /**
     * Every group in order; in presentation mode what a class needs first (the networks, learning rates, batch size
     * and steps) and the loss and stability groups folded into a closed "Advanced settings" section.
     */
    private void arrange(boolean presenting) {
        advancedBox.getChildren().clear();
        if (presenting) {
            advancedBox.getChildren().setAll(loss, stability);
            advanced.setExpanded(false);
            getChildren().setAll(network, optimizer, schedule, advanced);
        } else {
            getChildren().setAll(network, loss, stability, optimizer, schedule);
        }
    }

    /** The folded section of presentation mode (for tests). */
    TitledPane advanced() {
        return advanced;
    }

    private Node networkSection() {
        GridPane g = grid(2);
        int r = 0;
        ComboBox<Integer> size = combo(ModelConfig.SUPPORTED_SIZES, s -> s + " \u00d7 " + s);
        size.valueProperty().bindBidirectional(vm.imageSizeProperty());
        size.setId("imageSize");
        row(g, r++, "field.imageSize", size);
        // The data decides the channels (1 only when every image is grayscale): shown, not chosen.
        Label ch = new Label();
        ch.setId("channels");
        ch.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                Integer.valueOf(1).equals(vm.channelsProperty().get()) ? "channels.fromData.gray" : "channels.fromData.rgb"),
                vm.channelsProperty()));
        row(g, r++, "field.channels", ch);
        r = numberRow(g, r, NumberField.LATENT_SIZE);
        r = numberRow(g, r, NumberField.GENERATOR_WIDTH);
        r = numberRow(g, r, NumberField.DISCRIMINATOR_WIDTH);
        ComboBox<Normalization> norm = combo(List.of(Normalization.values()),
                n -> Messages.get("normalization." + n.name()));
        norm.valueProperty().bindBidirectional(vm.normalizationProperty());
        row(g, r++, "field.normalization", norm);
        ComboBox<Upsampling> up = combo(List.of(Upsampling.values()), u -> Messages.get("upsampling." + u.name()));
        up.setId("upsampling");
        up.valueProperty().bindBidirectional(vm.upsamplingProperty());
        up.setTooltip(Tips.of(Messages.get("field.upsampling.help")));
        row(g, r, "field.upsampling", up);
        return section("model.section.network", g);
    }

    private Node lossSection() {
        GridPane g = grid(2);
        ComboBox<LossKind> loss = combo(List.of(LossKind.values()), k -> Messages.get("loss." + k.name()));
        loss.valueProperty().bindBidirectional(vm.lossProperty());
        row(g, 0, "field.loss", loss);
        int r = numberRow(g, 1, NumberField.LABEL_SMOOTHING);
        numberRow(g, r, NumberField.DISCRIMINATOR_STEPS);
        return section("model.section.loss", g);
    }

    /** What keeps training stable and small datasets from being memorised. */
    private Node stabilitySection() {
        GridPane g = grid(2);
        CheckBox sn = new CheckBox(Messages.get("field.spectralNorm.on"));
        sn.setId("spectralNorm");
        sn.selectedProperty().bindBidirectional(vm.spectralNormProperty());
        sn.setTooltip(Tips.of(Messages.get("field.spectralNorm.help")));
        row(g, 0, "field.spectralNorm", sn);
        ComboBox<Augment> augment = combo(List.of(Augment.values()), a -> Messages.get("augment." + a.name()));
        augment.setId("augment");
        augment.valueProperty().bindBidirectional(vm.augmentProperty());
        augment.setTooltip(Tips.of(Messages.format("field.augment.help", Augment.AUTO_MAX_IMAGES,
                Augment.AUTO_GRAYSCALE_MIN_PASSES)));
        row(g, 1, "field.augment", augment);
        numberRow(g, 2, NumberField.EMA_DECAY);
        CheckBox conditional = new CheckBox(Messages.get("field.conditional.on"));
        conditional.setId("conditional");
        conditional.selectedProperty().bindBidirectional(vm.conditionalProperty());
        conditional.setTooltip(Tips.of(Messages.get("field.conditional.help")));
        row(g, 3, "field.conditional", conditional);
        // Only data with classes (two or more) can train a conditional model: otherwise the row is not there.
        Node rowLabel = g.getChildren().get(g.getChildren().size() - 2);
        var withClasses = vm.dataClassesProperty().greaterThanOrEqualTo(2);
        for (Node n : List.of(rowLabel, conditional)) {
            n.visibleProperty().bind(withClasses);
            n.managedProperty().bind(withClasses);
        }
        return section("model.section.stability", g);
    }

    private Node optimizerSection() {
        GridPane g = grid(3);
        Label gh = new Label(Messages.get("model.generator"));
        Label dh = new Label(Messages.get("model.discriminator"));
        gh.getStyleClass().add("column-header");
        dh.getStyleClass().add("column-header");
        g.add(gh, 1, 0);
        g.add(dh, 2, 0);
        NumberField[][] rows = {
                {NumberField.GENERATOR_LR, NumberField.DISCRIMINATOR_LR},
                {NumberField.GENERATOR_BETA1, NumberField.DISCRIMINATOR_BETA1},
                {NumberField.GENERATOR_BETA2, NumberField.DISCRIMINATOR_BETA2}};
        String[] labels = {"field.learningRate", "field.beta1", "field.beta2"};
        for (int i = 0; i < rows.length; i++) {
            g.add(label(labels[i]), 0, i + 1);
            g.add(numberField(rows[i][0]), 1, i + 1);
            g.add(numberField(rows[i][1]), 2, i + 1);
        }
        return section("model.section.optimizer", g);
    }

    private Node scheduleSection() {
        GridPane g = grid(2);
        int r = 0;
        for (NumberField f : List.of(NumberField.BATCH_SIZE, NumberField.STEPS, NumberField.SEED,
                NumberField.SAMPLE_EVERY, NumberField.GRID_SIZE, NumberField.CHECKPOINT_EVERY,
                NumberField.KEEP_CHECKPOINTS)) {
            r = numberRow(g, r, f);
        }
        return section("model.section.schedule", g);
    }

    // ---- building blocks ----

    private int numberRow(GridPane g, int r, NumberField f) {
        row(g, r, f.labelKey(), numberField(f));
        return r + 1;
    }

    private TextField numberField(NumberField f) {
        TextField t = new TextField();
        t.setId(f.name());
        t.textProperty().bindBidirectional(vm.text(f));
        t.setPrefColumnCount(9);
        t.setTooltip(Tips.of(Messages.get(f.labelKey() + ".help")));
        // Mark text that is no number at once; range problems are listed under the form.
        Runnable mark = () -> {
            boolean bad;
            try {
                f.parse(t.getText());
                bad = false;
            } catch (NumberFormatException e) {
                bad = true;
            }
            t.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), bad);
        };
        t.textProperty().addListener(o -> mark.run());
        mark.run();
        return t;
    }

    private static void row(GridPane g, int r, String labelKey, Node control) {
        Label l = label(labelKey);
        l.setLabelFor(control);
        g.add(l, 0, r);
        g.add(control, 1, r);
    }

    private static Label label(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("form-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static GridPane grid(int columns) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        // The same label width in every group, so the controls line up down the whole form.
        ColumnConstraints labels = new ColumnConstraints(150, Region.USE_COMPUTED_SIZE, Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        g.getColumnConstraints().add(labels);
        for (int i = 1; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints(110, columns == 2 ? 230 : 120, 280);
            // Presentation mode's larger type: a choice such as "Transposed convolution" still shows whole.
            c.maxWidthProperty().bind(Bindings.when(
                    Presentation.onProperty()).then(280 * 1.3).otherwise(280.0));
            c.setHgrow(Priority.SOMETIMES);
            g.getColumnConstraints().add(c);
        }
        return g;
    }

    private static Node section(String titleKey, GridPane content) {
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("card");
        return box;
    }

    private static <T> ComboBox<T> combo(List<T> items, Function<T, String> text) {
        ComboBox<T> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setMaxWidth(Double.MAX_VALUE);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return c;
    }
}
