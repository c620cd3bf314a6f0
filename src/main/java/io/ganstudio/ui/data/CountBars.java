package io.ganstudio.ui.data;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Map;

/** A small horizontal bar chart: name, bar scaled to the largest count, the count. */
final class CountBars extends GridPane {

    CountBars() {
        getStyleClass().add("count-bars");
        setHgap(10);
        setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints bar = new ColumnConstraints(60, 160, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints count = new ColumnConstraints();
        getColumnConstraints().addAll(name, bar, count);
    }

    void show(Map<String, Integer> counts) {
        getChildren().clear();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int row = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("form-label");
            Region fill = new Region();
            fill.getStyleClass().add("bar-fill");
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            double fraction = max == 0 ? 0 : (double) e.getValue() / max;
            fill.maxWidthProperty().bind(track.widthProperty().multiply(fraction));
            fill.setMinWidth(2);
            Label count = new Label(String.format("%,d", e.getValue()));
            count.getStyleClass().add("bar-count");
            addRow(row++, name, track, count);
        }
    }
}
