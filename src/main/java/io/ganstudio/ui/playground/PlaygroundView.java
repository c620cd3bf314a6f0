package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Loss;
import io.ganstudio.core.playground.PlaygroundConfig;
import io.ganstudio.core.playground.PlaygroundFrame;
import io.ganstudio.core.playground.PlaygroundPainter;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Playground screen: a GAN on 2-D points, GAN Lab style. Settings on the left; the canvas with its layer
 * toggles and legend in the middle; charts, figures and the slow-motion explanation on the right; the controls on
 * top. Everything it shows comes from {@link PlaygroundViewModel}.
 */
public final class PlaygroundView extends BorderPane implements Disposable {

    /** Listeners on the ViewModel, which outlives this view (a language switch rebuilds it). */
    private final Subscriptions subs = new Subscriptions();

    private final PlaygroundViewModel vm;
    private final PlaygroundText text;
    private final Supplier<Window> window;
    private final PlaygroundCanvas canvas;

    public PlaygroundView(PlaygroundViewModel vm, PlaygroundText text, Supplier<Window> window) {
        this.vm = vm;
        this.text = text;
        this.window = window;
        this.canvas = new PlaygroundCanvas(vm);
        getStyleClass().addAll("screen", "playground-view");
        setTop(header());
        ScrollPane settings = new ScrollPane(settings());
        settings.setFitToWidth(true);
        settings.getStyleClass().add("plain-scroll");
        settings.setMinWidth(290);
        settings.setPrefWidth(330);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setLeft(settings);
        // Presentation mode folds the settings column away (a Settings button brings it back) for the canvas's sake.
        settings.visibleProperty().bind(Presentation.onProperty().not()
                .or(settingsShown));
        settings.managedProperty().bind(settings.visibleProperty());
        setCenter(centre());
        setRight(side());
        BorderPane.setMargin(getCenter(), new Insets(0, 14, 0, 14));
    }

    // ---- top: title and controls ----

    /** In presentation mode: whether the folded settings column is shown. */
    private final BooleanProperty settingsShown =
            new SimpleBooleanProperty(false);

    private Node header() {
        Label title = new Label(text.get("title"));
        title.getStyleClass().add("screen-title");
        Button play = new Button();
        play.setId("pg-play");
        play.getStyleClass().add("accent");
        play.textProperty().bind(Bindings.when(vm.busyProperty()).then(text.get("button.pause"))
                .otherwise(text.get("button.play")));
        play.setOnAction(e -> {
            if (vm.busyProperty().get()) {
                vm.pause();
            } else {
                vm.play();
            }
        });
        play.disableProperty().bind(vm.readyProperty().not());
        play.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = button("pg-reset", "button.reset", vm::reset);
        reset.setTooltip(Tips.of(text.get("tooltip.reset")));
        Button dStep = button("pg-step-d", "button.stepD", vm::oneDiscriminatorUpdate);
        dStep.setTooltip(Tips.of(text.get("tooltip.stepD")));
        Button gStep = button("pg-step-g", "button.stepG", vm::oneGeneratorUpdate);
        gStep.setTooltip(Tips.of(text.get("tooltip.stepG")));
        Button step = button("pg-step", "button.step", vm::oneStep);
        step.setTooltip(Tips.of(text.get("tooltip.step")));
        for (Button b : List.of(dStep, gStep, step)) {
            b.disableProperty().bind(vm.busyProperty().or(vm.readyProperty().not()));
        }
        ToggleButton slow = new ToggleButton(text.get("button.slow"));
        slow.setId("pg-slow");
        slow.selectedProperty().bindBidirectional(vm.slowMotionProperty());
        slow.setTooltip(Tips.of(text.get("tooltip.slow")));
        slow.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<Integer> speed = new ComboBox<>(FXCollections.observableArrayList(PlaygroundViewModel.SPEEDS));
        speed.setId("pg-speed");
        speed.setConverter(converter(v -> v == 0 ? text.get("speed.max") : text.format("speed.value", v)));
        ObjectProperty<Integer> speedValue = vm.speedProperty().asObject();
        speed.valueProperty().bindBidirectional(speedValue);
        speed.getProperties().put("speed", speedValue); // a bidirectional binding holds its ends only weakly
        speed.disableProperty().bind(vm.slowMotionProperty());
        Label stepLabel = new Label();
        stepLabel.setId("pg-step-label");
        stepLabel.getStyleClass().add("stat-value");
        stepLabel.textProperty().bind(Bindings.createStringBinding(
                () -> text.format("label.step", vm.stepProperty().get()), vm.stepProperty()));
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton settingsButton = new ToggleButton(text.get("button.settings"));
        settingsButton.setId("pg-settings");
        settingsButton.selectedProperty().bindBidirectional(settingsShown);
        PresentationLayout.showWhenPresenting(settingsButton);
        FlowPane controls = new FlowPane(8, 6, settingsButton, play, reset, dStep, gStep, step, slow, speed);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(controls, Priority.ALWAYS);
        HBox h = new HBox(16, title, controls, stepLabel);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("screen-header");
        return h;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    // ---- left: settings ----

    private Node settings() {
        ComboBox<DataSource> source = combo("pg-source", List.of(DataSource.values()), vm.sourceProperty(),
                s -> text.get(s.labelKey()));
        Button importCsv = new Button(text.get("button.importCsv"));
        importCsv.setId("pg-import");
        importCsv.setOnAction(e -> chooseCsv());
        importCsv.disableProperty().bind(vm.busyProperty());
        Button clear = new Button(text.get("button.clearDrawing"));
        clear.setId("pg-clear");
        clear.setOnAction(e -> vm.clearDrawing());
        clear.visibleProperty().bind(vm.sourceProperty().isEqualTo(DataSource.DRAWING));
        clear.managedProperty().bind(clear.visibleProperty());
        clear.disableProperty().bind(vm.busyProperty());
        Label hint = new Label(text.get("hint.draw"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.sourceProperty().isEqualTo(DataSource.DRAWING));
        hint.managedProperty().bind(hint.visibleProperty());
        VBox data = card("section.data", new VBox(8, source, new HBox(8, importCsv, clear), hint));

        GridPane g = grid();
        row(g, 0, "label.layers", spinner("pg-g-layers", 0, PlaygroundConfig.MAX_LAYERS, vm.gLayersProperty()));
        row(g, 1, "label.neurons", spinner("pg-g-neurons", 1, PlaygroundConfig.MAX_NEURONS, vm.gNeuronsProperty()));
        ComboBox<String> noise = noiseCombo();
        row(g, 2, "label.noise", noise);
        row(g, 3, "label.optimizer", combo("pg-g-opt", List.of(PlaygroundConfig.Optimizer.values()),
                vm.gOptimizerProperty(), o -> text.get("optimizer." + o.name().toLowerCase(Locale.ROOT))));
        row(g, 4, "label.learningRate", rateCombo("pg-g-lr", vm.gLearningRateProperty().asObject()));
        row(g, 5, "label.updates", spinner("pg-g-steps", 1, PlaygroundConfig.MAX_UPDATES, vm.gStepsProperty()));
        VBox gen = card("section.generator", g);

        GridPane d = grid();
        row(d, 0, "label.layers", spinner("pg-d-layers", 0, PlaygroundConfig.MAX_LAYERS, vm.dLayersProperty()));
        row(d, 1, "label.neurons", spinner("pg-d-neurons", 1, PlaygroundConfig.MAX_NEURONS, vm.dNeuronsProperty()));
        row(d, 2, "label.optimizer", combo("pg-d-opt", List.of(PlaygroundConfig.Optimizer.values()),
                vm.dOptimizerProperty(), o -> text.get("optimizer." + o.name().toLowerCase(Locale.ROOT))));
        row(d, 3, "label.learningRate", rateCombo("pg-d-lr", vm.dLearningRateProperty().asObject()));
        row(d, 4, "label.updates", spinner("pg-d-steps", 1, PlaygroundConfig.MAX_UPDATES, vm.dStepsProperty()));
        row(d, 5, "label.penalty", penaltySpinner());
        VBox dis = card("section.discriminator", d);

        GridPane t = grid();
        row(t, 0, "label.loss", combo("pg-loss", List.of(Loss.values()), vm.lossProperty(),
                l -> text.get("loss." + l.cliName())));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) vm.seedProperty().get());
        seed.setId("pg-seed");
        seed.setEditable(true);
        seed.valueProperty().addListener((o, a, v) -> vm.seedProperty().set(v));
        subs.onChange(vm.seedProperty(), (o, a, v) -> seed.getValueFactory().setValue(v.intValue()));
        row(t, 1, "label.seed", seed);
        Button defaults = new Button(text.get("button.defaults"));
        defaults.setId("pg-defaults");
        defaults.setOnAction(e -> vm.restoreDefaults());
        Button collapse = new Button(text.get("button.modeCollapse"));
        collapse.setId("pg-mode-collapse");
        collapse.setTooltip(Tips.of(text.get("tooltip.modeCollapse")));
        collapse.setOnAction(e -> vm.showModeCollapse());
        VBox training = card("section.training", new VBox(10, t, defaults, collapse));

        VBox box = new VBox(12, data, gen, dis, training);
        box.setPadding(new Insets(0, 6, 0, 0));
        for (Node n : List.of(gen, dis, training, importCsv)) {
            n.disableProperty().bind(vm.busyProperty());
        }
        source.disableProperty().bind(vm.busyProperty());
        return box;
    }

    private void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("button.importCsv"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(text.get("filter.csv"),
                "*.csv", "*.txt", "*.tsv"), new FileChooser.ExtensionFilter(text.get("filter.all"), "*"));
        File f = chooser.showOpenDialog(window.get());
        if (f != null) {
            vm.importCsv(f.toPath());
        }
    }

    private ComboBox<String> noiseCombo() {
        List<String> kinds = List.of("1-uniform", "1-gaussian", "2-uniform", "2-gaussian");
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(kinds));
        c.setId("pg-noise");
        c.setConverter(converter(k -> text.get("noise." + k)));
        Runnable fromVm = () -> c.setValue(vm.noiseDimProperty().get() + "-"
                + vm.noiseProperty().get().name().toLowerCase(Locale.ROOT));
        fromVm.run();
        subs.onInvalidate(vm.noiseDimProperty(), o -> fromVm.run());
        subs.onInvalidate(vm.noiseProperty(), o -> fromVm.run());
        c.valueProperty().addListener((o, a, v) -> {
            if (v == null) {
                return;
            }
            int dim = v.charAt(0) - '0';
            PlaygroundConfig.Noise kind = PlaygroundConfig.Noise.valueOf(v.substring(2).toUpperCase(Locale.ROOT));
            if (dim != vm.noiseDimProperty().get() || kind != vm.noiseProperty().get()) {
                vm.noiseProperty().set(kind);
                vm.noiseDimProperty().set(dim);
            }
        });
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private ComboBox<Double> rateCombo(String id, ObjectProperty<Double> rate) {
        ComboBox<Double> c = new ComboBox<>(FXCollections.observableArrayList(PlaygroundConfig.LEARNING_RATES));
        c.setId(id);
        c.setConverter(converter(PlaygroundConfig::rate));
        c.valueProperty().bindBidirectional(rate);
        c.setMaxWidth(Double.MAX_VALUE);
        c.getProperties().put("rate", rate); // a bidirectional binding holds its ends only weakly
        return c;
    }

    private <T> ComboBox<T> combo(String id, List<T> items, ObjectProperty<T> value, Function<T, String> label) {
        ComboBox<T> c = new ComboBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        c.setConverter(converter(label));
        c.valueProperty().bindBidirectional(value);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private Spinner<Integer> spinner(String id, int min, int max, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get()));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.valueProperty().addListener((o, a, v) -> value.set(v));
        subs.onChange(value, (o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }

    /** The R1 weight on D's steepness at the real points, as the command line's --penalty: 0 to 10, 0 is off. */
    private Spinner<Double> penaltySpinner() {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0,
                PlaygroundConfig.MAX_PENALTY, vm.penaltyProperty().get(), 0.1));
        s.setId("pg-penalty");
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setTooltip(Tips.of(text.get("tooltip.penalty")));
        s.valueProperty().addListener((o, a, v) -> vm.penaltyProperty().set(v));
        subs.onChange(vm.penaltyProperty(), (o, a, v) -> s.getValueFactory().setValue(v.doubleValue()));
        return s;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private void row(GridPane g, int r, String key, Node control) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(control, 1, r);
        GridPane.setHgrow(control, Priority.ALWAYS);
    }

    private VBox card(String titleKey, Node content) {
        Label title = new Label(text.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("card");
        return box;
    }

    // ---- centre: canvas, toggles, legend ----

    private Node centre() {
        StackPane holder = new StackPane(canvas);
        holder.setMinSize(200, 200);
        VBox.setVgrow(holder, Priority.ALWAYS);
        FlowPane toggles = new FlowPane(12, 6,
                toggle("pg-show-real", "layer.real", vm.showRealProperty()),
                toggle("pg-show-fake", "layer.fake", vm.showFakeProperty()),
                toggle("pg-show-heatmap", "layer.heatmap", vm.showHeatmapProperty()),
                toggle("pg-show-arrows", "layer.arrows", vm.showArrowsProperty()),
                toggle("pg-show-manifold", "layer.manifold", vm.showManifoldProperty()));
        toggles.setAlignment(Pos.CENTER);
        Label message = new Label();
        message.setId("pg-message");
        message.setWrapText(true);
        message.getStyleClass().add("playground-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, message, holder, legend(), toggles);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private CheckBox toggle(String id, String key, BooleanProperty p) {
        CheckBox c = new CheckBox(text.get(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private Node legend() {
        Rectangle bar = new Rectangle(120, 12);
        bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, argb(PlaygroundPainter.realnessColour(0))),
                new Stop(0.5, argb(PlaygroundPainter.realnessColour(0.5))),
                new Stop(1, argb(PlaygroundPainter.realnessColour(1)))));
        bar.setStroke(Color.web("#b0b0b0"));
        Label fake = new Label(text.get("legend.fake"));
        Label real = new Label(text.get("legend.real"));
        Label dLabel = new Label(text.get("legend.heatmap"));
        dLabel.getStyleClass().add("muted");
        HBox heat = new HBox(6, dLabel, fake, bar, real);
        heat.setAlignment(Pos.CENTER);
        HBox dots = new HBox(6, new Circle(5, argb(PlaygroundPainter.REAL_ARGB)), new Label(text.get("legend.realPoints")),
                new Region(), new Circle(5, argb(PlaygroundPainter.FAKE_ARGB)), new Label(text.get("legend.fakePoints")));
        ((Region) dots.getChildren().get(2)).setMinWidth(10);
        dots.setAlignment(Pos.CENTER);
        FlowPane legend = new FlowPane(18, 4, heat, dots);
        legend.setAlignment(Pos.CENTER);
        legend.setId("pg-legend");
        return legend;
    }

    private static Color argb(int v) {
        return Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    // ---- right: figures, charts, explanation ----

    private Node side() {
        Label figures = new Label();
        figures.setId("pg-figures");
        figures.getStyleClass().add("stat-value");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE); // both lines: the charts below give up the room
        figures.textProperty().bind(Bindings.createStringBinding(() -> {
            PlaygroundFrame f = vm.frameProperty().get();
            if (f == null) {
                return "";
            }
            return text.format("label.figures", num(f.dLoss()), num(f.gLoss()), num(f.kl()), num(f.js()));
        }, vm.frameProperty()));
        PlaygroundCharts losses = new PlaygroundCharts(vm, text.get("chart.losses"), List.of(
                new PlaygroundCharts.Series(text.get("series.dLoss"), Color.web("#d64f2a"), 0,
                        PlaygroundViewModel.ChartRow::dLoss),
                new PlaygroundCharts.Series(text.get("series.gLoss"), Color.web("#1f6fb5"), 1,
                        PlaygroundViewModel.ChartRow::gLoss)));
        losses.setId("pg-chart-losses");
        PlaygroundCharts divergence = new PlaygroundCharts(vm, text.get("chart.divergence"), List.of(
                new PlaygroundCharts.Series(text.get("series.kl"), Color.web("#e08a00"), 2,
                        PlaygroundViewModel.ChartRow::kl),
                new PlaygroundCharts.Series(text.get("series.js"), Color.web("#6a3d9a"), 3,
                        PlaygroundViewModel.ChartRow::js)));
        divergence.setId("pg-chart-divergence");
        VBox charts = new VBox(8, figures, losses, divergence);
        charts.getStyleClass().add("card");
        VBox.setVgrow(losses, Priority.ALWAYS);
        VBox.setVgrow(divergence, Priority.ALWAYS);

        Label explanation = new Label();
        explanation.setId("pg-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(Bindings.when(vm.explanationProperty().isEmpty())
                .then(Bindings.when(vm.slowMotionProperty()).then(text.get("explain.waiting"))
                        .otherwise(text.get("explain.off")))
                .otherwise(vm.explanationProperty()));
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        VBox explain = card("section.explain", explanation);
        explain.setId("pg-explain-card");

        VBox box = new VBox(12, charts, explain);
        VBox.setVgrow(charts, Priority.ALWAYS);
        // Presentation mode's larger text needs wider charts (the canvas, with the settings folded, has the room).
        box.prefWidthProperty().bind(Bindings.when(Presentation.onProperty()).then(400.0)
                .otherwise(280.0));
        box.minWidthProperty().bind(Bindings.when(Presentation.onProperty()).then(340.0)
                .otherwise(240.0));
        return box;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format("%.3f", v) : "–";
    }

    /** Frames painted so far (tests). */
    public long framesPainted() {
        return canvas.framesPainted();
    }

    public PlaygroundViewModel viewModel() {
        return vm;
    }

    /** Removes this node's listeners from the ViewModel (the shell replaced the view). */
    @Override
    public void dispose() {
        subs.dispose();
    }
}
