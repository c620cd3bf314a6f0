package io.ganstudio.ui.model;

import io.ganstudio.core.model.ModelStats;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.common.Format;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Size and cost of the networks, and the measured speed with the time one epoch takes on this machine. */
final class ModelStatsPanel extends VBox implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private final ModelViewModel vm;
    private final Label gParams = value("stat-g-params");
    private final Label dParams = value("stat-d-params");
    private final Label gFlops = value("stat-g-flops");
    private final Label stepFlops = value("stat-step-flops");
    private final Label speed = value("stat-speed");
    private final Label epoch = value("stat-epoch");
    private final Label speedNote = new Label();

    ModelStatsPanel(ModelViewModel vm) {
        super(10);
        this.vm = vm;
        getStyleClass().add("card");
        Label title = new Label(Messages.get("model.section.stats"));
        title.getStyleClass().add("section-title");
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        addRow(g, 0, "stats.generatorParameters", gParams);
        addRow(g, 1, "stats.discriminatorParameters", dParams);
        addRow(g, 2, "stats.generatorFlops", gFlops);
        addRow(g, 3, "stats.trainFlops", stepFlops);
        addRow(g, 4, "stats.speed", speed);
        addRow(g, 5, "stats.epoch", epoch);

        Button measure = new Button(Messages.get("model.measure"));
        measure.setId("measureSpeed");
        measure.getStyleClass().add("accent");
        measure.setOnAction(e -> vm.measureSpeed());
        measure.disableProperty().bind(vm.validProperty().not().or(vm.measuringProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.measuringProperty());
        busy.managedProperty().bind(vm.measuringProperty());
        HBox actions = new HBox(10, measure, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        speedNote.getStyleClass().add("muted");
        speedNote.setWrapText(true);

        getChildren().addAll(title, g, actions, speedNote);
        for (Observable o : new Observable[] {vm.statsProperty(), vm.trainProperty(), vm.imagesPerSecondProperty(),
                vm.datasetSizeProperty(), vm.measuringProperty(), vm.measureErrorProperty()}) {
            subs.onInvalidate(o, x -> refresh());
        }
        refresh();
    }

    private void refresh() {
        ModelStats s = vm.statsProperty().get();
        TrainConfig t = vm.trainProperty().get();
        String dash = "\u2014";
        gParams.setText(s == null ? dash : Format.count(s.generatorParameters()));
        dParams.setText(s == null ? dash : Format.count(s.discriminatorParameters()));
        gFlops.setText(s == null ? dash : Format.flops(s.generatorFlops()));
        boolean cost = s != null && t != null && t.problems().isEmpty();
        stepFlops.setText(cost ? Format.flops(s.stepFlops(t.batchSize(), t.discriminatorSteps()) / t.batchSize())
                : dash);
        double ips = vm.imagesPerSecondProperty().get();
        speed.setText(Double.isNaN(ips) ? dash : Messages.format("stats.speed.value", Math.round(ips)));
        double e = vm.epochSeconds();
        epoch.setText(Double.isNaN(e) ? dash : Format.duration(e));
        if (vm.measuringProperty().get()) {
            speedNote.setText(Messages.get("model.measure.running"));
        } else if (vm.measureErrorProperty().get() != null) {
            speedNote.setText(Messages.format("model.measure.failed", vm.measureErrorProperty().get()));
        } else if (!Double.isNaN(ips) && vm.datasetSizeProperty().get() == 0) {
            speedNote.setText(Messages.get("model.measure.noData"));
        } else if (!Double.isNaN(ips)) {
            speedNote.setText(Messages.format("model.measure.epochFor", vm.datasetSizeProperty().get()));
        } else {
            speedNote.setText(Messages.get("model.measure.hint"));
        }
    }

    private static void addRow(GridPane g, int r, String key, Label value) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("form-label");
        l.setWrapText(true); // a narrow column (presentation mode) wraps the name and keeps the number whole
        value.setMinWidth(Label.USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(value, 1, r);
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-value");
        return l;
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
