package io.ganstudio.ui.train;

import io.ganstudio.core.health.HealthIssue;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The health strip beside the charts: "Healthy" in green while no warning is raised, otherwise one orange chip per
 * warning (D overfitting, mode collapse, memorisation, one network overpowering the other). Hovering a chip shows
 * what it means, what was measured and what to try; clicking it keeps that text open below the chips.
 */
public final class HealthStrip extends VBox implements Disposable {

    private static final String HEALTHY = "-fx-background-color: #e7f4e8; -fx-border-color: #5cb85c; "
            + "-fx-text-fill: #1e5e20; -fx-padding: 3 8; -fx-background-radius: 3; -fx-border-radius: 3;";
    private static final String WARNING = "-fx-background-color: #fff0d9; -fx-border-color: #e0a040; "
            + "-fx-text-fill: #7a4b00; -fx-padding: 3 8; -fx-background-radius: 3; -fx-border-radius: 3;";

    private final ObservableList<HealthWarning> warnings;
    private final TrainText text;
    private final FlowPane chips = new FlowPane(6, 4);
    private final Label detail = new Label();
    private final Subscriptions subs = new Subscriptions();
    private HealthIssue open;

    private final ObservableBooleanValue hasRun;

    /** @param hasRun whether a run is on screen (before one, there is nothing to call healthy) */
    HealthStrip(ObservableList<HealthWarning> warnings, ObservableBooleanValue hasRun,
                TrainText text) {
        super(4);
        this.warnings = warnings;
        this.text = text;
        this.hasRun = hasRun;
        setId("healthStrip");
        Label title = new Label(text.get("health.title"));
        title.setStyle("-fx-font-weight: bold;");
        title.setMinWidth(Label.USE_PREF_SIZE);
        chips.getChildren();
        chips.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(8, 4, title, chips);
        row.setAlignment(Pos.CENTER_LEFT);
        detail.setId("healthDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE); // every line, never cut off with "..."
        detail.setStyle("-fx-background-color: #fffaf0; -fx-border-color: #e0a040; -fx-padding: 6;");
        detail.managedProperty().bind(detail.visibleProperty());
        setPadding(new Insets(2, 0, 4, 0));
        getChildren().addAll(row, detail);
        subs.onList(warnings, c -> update());
        subs.onChange(hasRun, (o, was, now) -> update());
        update();
    }

    private ObservableStringValue early;

    /** Says this (e.g. "Too early to tell") instead of "Healthy" while it is not empty and no warning is raised. */
    void showEarly(ObservableStringValue earlyText) {
        this.early = earlyText;
        subs.onChange(earlyText, (o, was, now) -> update());
        update();
    }

    @Override
    public void dispose() {
        subs.dispose();
    }

    private void update() {
        chips.getChildren().clear();
        if (warnings.isEmpty() && !hasRun.get()) {
            Label none = new Label(text.get("health.noRun"));
            none.setId("healthNoRun");
            none.setStyle("-fx-text-fill: #666666; -fx-padding: 3 8;");
            none.setTooltip(tooltip(text.get("health.healthy.help")));
            chips.getChildren().add(none);
            open = null;
        } else if (warnings.isEmpty() && early != null && !early.get().isEmpty()) {
            Label wait = new Label("… " + early.get());
            wait.setId("healthEarly");
            wait.setWrapText(true);
            wait.setPrefWidth(460); // wraps: a long note must not widen the charts' side of the screen
            wait.setMinWidth(0);
            wait.setStyle("-fx-text-fill: #555555; -fx-padding: 3 8;");
            wait.setTooltip(tooltip(text.get("health.healthy.help")));
            chips.getChildren().add(wait);
            open = null;
        } else if (warnings.isEmpty()) {
            Label ok = new Label("✓ " + text.get("health.healthy"));
            ok.setId("healthHealthy");
            ok.setStyle(HEALTHY);
            ok.setTooltip(tooltip(text.get("health.healthy.help")));
            chips.getChildren().add(ok);
            open = null;
        }
        for (HealthWarning w : warnings) {
            Label chip = new Label("⚠ " + w.issue().title().text(text.locale()) + " · "
                    + text.format("health.since", w.step()));
            chip.setId("health-" + w.issue().key());
            chip.setStyle(WARNING);
            chip.setCursor(Cursor.HAND);
            chip.setTooltip(tooltip(explanation(w)));
            chip.setOnMouseClicked(e -> {
                open = open == w.issue() ? null : w.issue();
                showDetail();
            });
            chips.getChildren().add(chip);
        }
        if (open != null && warnings.stream().noneMatch(w -> w.issue() == open)) {
            open = null;
        }
        showDetail();
    }

    private void showDetail() {
        HealthWarning w = warnings.stream().filter(x -> x.issue() == open).findFirst().orElse(null);
        detail.setVisible(w != null);
        detail.setText(w == null ? "" : w.issue().title().text(text.locale()) + "\n" + explanation(w));
    }

    /** What it means, what was measured, what to try. */
    private String explanation(HealthWarning w) {
        return w.issue().meaning().text(text.locale()) + "\n" + text.format("health.measured",
                w.evidence().text(text.locale())) + "\n" + text.format("health.try",
                w.issue().advice().text(text.locale()));
    }

    private static Tooltip tooltip(String s) {
        Tooltip t = Tips.of(s);
        t.setWrapText(true);
        t.setMaxWidth(520);
        t.setShowDelay(Duration.millis(200));
        t.setShowDuration(Duration.seconds(60));
        return t;
    }

    /** The detail text on show (for tests), empty when none is open. */
    String detailText() {
        return detail.isVisible() ? detail.getText() : "";
    }
}
