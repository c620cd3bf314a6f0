package io.ganstudio.ui.inspect;

import io.ganstudio.core.anomaly.Heatmap;
import io.ganstudio.core.anomaly.LabelledMetrics;
import io.ganstudio.core.anomaly.ScoreMethod;
import io.ganstudio.core.anomaly.Threshold;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.util.StringConverter;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Inspect screen (検査): pick a trained run, fit its encoder, inspect a folder, and look at what is unusual and
 * where: a table sorted by score, the selected image beside its reconstruction and heatmap, the score histogram with
 * the threshold, and exports.
 */
public final class InspectView extends BorderPane implements Disposable {

    /** Listeners on the ViewModel, which outlives this view (a language switch rebuilds the view). */
    private final Subscriptions subs = new Subscriptions();

    private final InspectViewModel vm;
    private final InspectText text;
    private final Supplier<Window> window;
    private final Supplier<Path> currentRun;
    private final PixelView image = new PixelView();
    private final PixelView reconstruction = new PixelView();
    private final PixelView overlay = new PixelView();
    private final Label detailLabel = new Label();
    private final ScoreHistogram histogram = new ScoreHistogram();
    private final LossChart lossChart = new LossChart();
    private final RocChart rocChart = new RocChart();
    private final Label metricsLabel = new Label();

    public InspectView(InspectViewModel vm, InspectText text, Supplier<Window> window, Supplier<Path> currentRun) {
        this.vm = vm;
        this.text = text;
        this.window = window;
        this.currentRun = currentRun;
        setId("inspectScreen");
        vm.reword(); // built anew on a language switch: the texts the ViewModel holds follow
        getStyleClass().addAll("screen", "inspect-view");
        setPadding(new Insets(8));
        Label encoder = new Label();
        encoder.textProperty().bind(vm.encoderSummaryProperty());
        encoder.setStyle("-fx-text-fill: #555555;");
        setTop(new VBox(6, runBar(), encoder, inspectBar()));
        // The details scroll on their own when the window is short of height (presentation mode at 1280x800),
        // instead of pushing the screen below the window's edge.
        ScrollPane details = new ScrollPane(detailPane());
        details.setFitToWidth(true);
        details.setFitToHeight(true);
        details.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        details.getStyleClass().add("plain-scroll");
        SplitPane main = new SplitPane(table(), details);
        main.setDividerPositions(0.45);
        // The table and the details give up height first (both scroll), so the bars above and the status line
        // below keep theirs when a larger font (Japanese, presentation mode) makes them taller.
        main.setMinHeight(0);
        setCenter(main);
        setBottom(statusBar());
        BorderPane.setMargin(main, new Insets(6, 0, 6, 0));
        subs.onChange(vm.lossesProperty(), (o, a, l) -> showLosses());
        subs.onChange(vm.thresholdProperty(), (o, a, t) -> showHistogram());
        subs.onList(vm.rows(), c -> showHistogram());
        subs.onChange(vm.detailProperty(), (o, a, d) -> showDetail());
        subs.onChange(vm.opacityProperty(), (o, a, v) -> showDetail());
        subs.onChange(vm.metricsProperty(), (o, a, m) -> showMetrics());
        subs.onChange(vm.baselineMetricsProperty(), (o, a, m) -> showMetrics());
        showLosses();
        showHistogram();
        showDetail();
        showMetrics();
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                openJustTrained();
            }
        });
    }

    /** Follows the Train screen's run while this view is on screen, as Explore does. */
    public InspectView following(ObservableValue<Path> trainScreenRun) {
        subs.onChange(trainScreenRun, (o, was, now) -> {
            if (getScene() != null) {
                openJustTrained();
            }
        });
        return this;
    }

    /**
     * As on Explore, the run on the Train screen opens by itself when Inspect is shown and it has a checkpoint:
     * when no run is open yet, or the open one came from the Train screen too and another run is there now. A run
     * the user opened stays, and nothing interrupts a job that is running.
     */
    private void openJustTrained() {
        Path run = currentRun == null ? null : currentRun.get();
        if (run == null || !mayReplaceWith(run)) {
            return;
        }
        BackgroundTasks.common().run(text.get("job.open"),
                () -> !Checkpoints.list(run.resolve(RunFolder.CHECKPOINTS)).isEmpty(), ready -> {
                    if (ready && mayReplaceWith(run)) {
                        vm.openRun(run, true);
                    }
                }, e -> {
                    if (mayReplaceWith(run)) {
                        vm.openRun(run, true); // an unreadable run: opening it says why
                    }
                });
    }

    private boolean mayReplaceWith(Path run) {
        Path shown = vm.runProperty().get();
        return vm.isIdle() && !run.equals(shown) && (shown == null || vm.followsTrainScreen());
    }

    // ---- top bars

    private FlowPane runBar() {
        Button current = new Button(text.get("button.currentRun"));
        current.setTooltip(Tips.of(text.get("tooltip.currentRun")));
        current.setOnAction(e -> {
            Path run = currentRun == null ? null : currentRun.get();
            if (run != null) {
                vm.openRun(run, true);
            }
        });
        Button open = new Button(text.get("button.openRun"));
        open.setId("inspectOpenRun");
        open.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(text.get("dialog.openRun"));
            File dir = c.showDialog(window.get());
            if (dir != null) {
                vm.openRun(dir.toPath());
            }
        });
        Label run = new Label();
        run.setId("inspectRun");
        run.textProperty().bind(Bindings.createStringBinding(() -> vm.runProperty().get() == null
                ? text.get("run.none") : vm.runProperty().get().getFileName().toString(), vm.runProperty()));
        run.setStyle("-fx-font-weight: bold;");
        Spinner<Integer> steps = new Spinner<>(10, 100_000, vm.fitStepsProperty().get(), 100);
        steps.setEditable(true);
        steps.setPrefWidth(100);
        steps.valueProperty().addListener((o, a, v) -> vm.fitStepsProperty().set(v));
        Button fit = new Button(text.get("button.fit"));
        fit.setId("inspectFit");
        fit.setTooltip(Tips.of(text.get("tooltip.fit")));
        fit.setOnAction(e -> vm.fit());
        fit.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.runProperty().get() == null
                || vm.stateProperty().get() == InspectViewModel.State.BUSY, vm.runProperty(), vm.stateProperty()));
        Button cancel = new Button(text.get("button.cancel"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.stateProperty().isNotEqualTo(InspectViewModel.State.BUSY));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() ->
                vm.stateProperty().get() == InspectViewModel.State.BUSY ? vm.progressProperty().get() : 0,
                vm.stateProperty(), vm.progressProperty()));
        FlowPane bar = new FlowPane(8, 4, current, open, run, new Separator(Orientation.VERTICAL),
                new Label(text.get("label.steps")), steps, fit, cancel, progress);
        keepWidths(bar);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private FlowPane inspectBar() {
        Button folder = new Button(text.get("button.inspectFolder"));
        folder.setId("inspectFolder");
        folder.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(text.get("dialog.inspectFolder"));
            File dir = c.showDialog(window.get());
            if (dir != null) {
                vm.inspect(dir.toPath());
            }
        });
        folder.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.hasEncoderProperty().get()
                || vm.stateProperty().get() == InspectViewModel.State.BUSY, vm.hasEncoderProperty(),
                vm.stateProperty()));
        CheckBox baseline = new CheckBox(text.get("check.baseline"));
        baseline.setTooltip(Tips.of(text.get("tooltip.baseline")));
        baseline.selectedProperty().bindBidirectional(vm.withBaselineProperty());
        ComboBox<ScoreMethod> method = new ComboBox<>(FXCollections.observableArrayList(ScoreMethod.values()));
        method.setId("inspectMethod");
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScoreMethod m) {
                return m == null ? "" : text.get("method." + m.id());
            }

            @Override
            public ScoreMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setTooltip(Tips.of(text.get("tooltip.method")));
        method.disableProperty().bind(vm.stateProperty().isEqualTo(InspectViewModel.State.BUSY));
        Slider sensitivity = new Slider(80, 100, vm.percentileProperty().get());
        sensitivity.setId("inspectPercentile");
        sensitivity.setPrefWidth(160);
        sensitivity.setBlockIncrement(0.5);
        sensitivity.valueProperty().bindBidirectional(vm.percentileProperty());
        sensitivity.setTooltip(Tips.of(text.get("tooltip.percentile")));
        Label threshold = new Label();
        threshold.textProperty().bind(Bindings.createStringBinding(() -> {
            Threshold t = vm.thresholdProperty().get();
            return t == null ? text.get("threshold.none")
                    : text.format("threshold.value", String.format(Locale.ROOT, "%.1f", t.percentile()),
                    String.format(Locale.ROOT, "%.4g", t.value()));
        }, vm.thresholdProperty()));
        Button csv = new Button(text.get("button.exportCsv"));
        csv.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName("scores.csv");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = c.showSaveDialog(window.get());
            if (f != null) {
                vm.exportCsv(f.toPath());
            }
        });
        Button maps = new Button(text.get("button.exportMaps"));
        maps.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(text.get("dialog.exportMaps"));
            File dir = c.showDialog(window.get());
            if (dir != null) {
                vm.exportMaps(dir.toPath());
            }
        });
        for (Button b : new Button[] {csv, maps}) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.rows().isEmpty()
                    || vm.stateProperty().get() == InspectViewModel.State.BUSY, vm.rows(), vm.stateProperty()));
        }
        FlowPane bar = new FlowPane(8, 4, folder, baseline, new Separator(Orientation.VERTICAL),
                new Label(text.get("label.method")), method, new Separator(Orientation.VERTICAL),
                new Label(text.get("label.sensitivity")), sensitivity, threshold, new Separator(Orientation.VERTICAL),
                csv, maps);
        keepWidths(bar);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Buttons and labels of a bar keep their full text; the bar's last label may shrink. */
    private static void keepWidths(FlowPane bar) {
        bar.getChildren().forEach(n -> {
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
    }

    // ---- table

    private TableView<InspectViewModel.Row> table() {
        TableView<InspectViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("inspectTable");
        Label empty = new Label(text.get("table.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        t.setPlaceholder(empty);
        TableColumn<InspectViewModel.Row, ArgbFrame> thumb = new TableColumn<>("");
        thumb.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().thumbnail()));
        thumb.setCellFactory(c -> new TableCell<>() {
            private final ImageView view = new ImageView();

            @Override
            protected void updateItem(ArgbFrame f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setGraphic(null);
                    return;
                }
                WritableImage img = new WritableImage(f.width(), f.height());
                img.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbInstance(),
                        f.argb(), 0, f.width());
                view.setImage(img);
                view.setFitWidth(36);
                view.setFitHeight(36);
                view.setSmooth(false);
                setGraphic(view);
            }
        });
        thumb.setPrefWidth(46);
        thumb.setSortable(false);
        TableColumn<InspectViewModel.Row, String> path = new TableColumn<>(text.get("column.path"));
        path.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score().path()));
        path.setPrefWidth(180);
        TableColumn<InspectViewModel.Row, Double> score = new TableColumn<>(text.get("column.score"));
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score().normalised()));
        score.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.2f", v));
            }
        });
        score.setSortType(TableColumn.SortType.DESCENDING);
        score.setPrefWidth(70);
        TableColumn<InspectViewModel.Row, String> mark = new TableColumn<>(text.get("column.mark"));
        mark.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score().aboveThreshold()
                ? "\u25b2 " + text.get("mark.above") : text.get("mark.below")));
        mark.setCellFactory(c -> new MarkCell<>());
        mark.setPrefWidth(80);
        TableColumn<InspectViewModel.Row, String> label = new TableColumn<>(text.get("column.label"));
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score().anomalous() == null ? ""
                : text.get(c.getValue().score().anomalous() ? "label.anomalous" : "label.normal")));
        label.setPrefWidth(80);
        t.getColumns().addAll(List.of(thumb, path, score, mark, label));
        // Presentation mode's larger type: the headings keep their whole words (the table scrolls sideways).
        for (TableColumn<InspectViewModel.Row, ?> c : t.getColumns()) {
            double normal = c.getPrefWidth();
            c.prefWidthProperty().bind(Bindings.when(Presentation.onProperty())
                    .then(normal * Presentation.FONT_SCALE).otherwise(normal));
        }
        t.setFixedCellSize(40);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.select(row, false);
            }
        });
        return t;
    }

    // ---- detail

    private VBox detailPane() {
        VBox imageBox = titled(text.get("detail.image"), image);
        VBox reconBox = titled(text.get("detail.reconstruction"), reconstruction);
        VBox overlayBox = titled("", overlay);
        // The map is the chosen score's: its title says which.
        Label heatmapTitle = (Label) overlayBox.getChildren().get(0);
        heatmapTitle.setId("inspectHeatmapTitle");
        heatmapTitle.textProperty().bind(Bindings.createStringBinding(
                () -> text.get("heatmap." + (vm.methodProperty().get() == null ? ScoreMethod.DEFAULT
                        : vm.methodProperty().get()).id()), vm.methodProperty()));
        HBox images = new HBox(8, imageBox, reconBox, overlayBox);
        for (VBox b : new VBox[] {imageBox, reconBox, overlayBox}) {
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        images.setPrefHeight(230);
        Slider opacity = new Slider(0, 1, vm.opacityProperty().get());
        opacity.setPrefWidth(140);
        opacity.valueProperty().bindBidirectional(vm.opacityProperty());
        Button refine = new Button(text.get("button.refine"));
        refine.setTooltip(Tips.of(text.get("tooltip.refine")));
        refine.setOnAction(e -> vm.refineSelected());
        refine.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.detailProperty().get() == null
                || vm.stateProperty().get() == InspectViewModel.State.BUSY, vm.detailProperty(), vm.stateProperty()));
        Label opacityLabel = new Label(text.get("label.opacity"));
        opacityLabel.setMinWidth(Region.USE_PREF_SIZE);
        refine.setMinWidth(Region.USE_PREF_SIZE);
        detailLabel.setWrapText(true);
        WrappingRow controls = new WrappingRow(8, 4, opacityLabel,
                opacity, refine, detailLabel);
        HBox charts = new HBox(8, histogram, rocChart, lossChart);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(images, Priority.ALWAYS);
        metricsLabel.setId("inspectMetrics");
        metricsLabel.setWrapText(true);
        metricsLabel.setMinHeight(Region.USE_PREF_SIZE); // all its lines: the images above give up the room
        ListView<String> skipped = new ListView<>(vm.skipped());
        skipped.setPrefHeight(60);
        skipped.setPlaceholder(new Label(text.get("skipped.none")));
        Label summary = new Label();
        summary.textProperty().bind(vm.resultSummaryProperty());
        summary.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(8, images, controls, charts, summary, metricsLabel, skipped);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static VBox titled(String title, PixelView view) {
        Label l = new Label(title);
        l.setWrapText(true); // a long heatmap title goes on in a second line in a narrow pane
        l.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox b = new VBox(4, l, view);
        b.setMinWidth(100);
        return b;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("inspectStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new HBox(8, status, grow);
    }

    // ---- updates

    private void showLosses() {
        lossChart.show(vm.lossesProperty().get(), text.get("chart.loss"));
    }

    private void showHistogram() {
        Threshold t = vm.thresholdProperty().get();
        if (t == null) {
            histogram.show(new double[0], new double[0], text.get("chart.histogram"));
            return;
        }
        double[] inspected = vm.rows().stream().mapToDouble(r -> r.score().normalised()).toArray();
        double[] validation = Arrays.stream(vm.validationScoresProperty().get()).map(t::normalise)
                .toArray();
        histogram.show(inspected, validation, text.get("chart.histogram"));
    }

    private void showDetail() {
        InspectViewModel.Detail d = vm.detailProperty().get();
        if (d == null) {
            image.show(null);
            reconstruction.show(null);
            overlay.show(null);
            detailLabel.setText("");
            return;
        }
        image.show(d.image());
        reconstruction.show(d.reconstruction());
        overlay.show(new ArgbFrame(d.image().width(), d.image().height(), Heatmap.overlay(d.image().argb(), d.map(),
                d.mapScale(), vm.opacityProperty().get())));
        Threshold t = vm.thresholdProperty().get();
        double normalised = t == null ? d.score() : t.normalise(d.score());
        detailLabel.setText(text.format(d.refined() ? "detail.scoreRefined" : "detail.score", d.row().score().path(),
                String.format(Locale.ROOT, "%.2f", normalised)));
    }

    private void showMetrics() {
        LabelledMetrics m = vm.metricsProperty().get();
        rocChart.show(m, vm.baselineMetricsProperty().get(), text.get("chart.roc"));
        if (m == null) {
            metricsLabel.setText(vm.rows().isEmpty() ? "" : text.get("metrics.unlabelled"));
            return;
        }
        LabelledMetrics b = vm.baselineMetricsProperty().get();
        String base = b == null ? "" : text.format("metrics.baseline", String.format(Locale.ROOT, "%.3f", b.auroc()));
        metricsLabel.setText(text.format("metrics.labelled", m.normal(), m.anomalous(),
                String.format(Locale.ROOT, "%.3f", m.auroc()), String.format(Locale.ROOT, "%.3f", m.f1())) + base);
    }

    /** Removes this view's listeners from the ViewModel (the shell replaced the view). */
    @Override
    public void dispose() {
        subs.dispose();
    }
}
