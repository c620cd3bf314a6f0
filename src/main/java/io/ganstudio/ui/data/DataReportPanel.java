package io.ganstudio.ui.data;

import io.ganstudio.core.data.DataReport;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.SkippedFile;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** What the load found: totals, images per class, original sizes, and every skipped file with its reason. */
final class DataReportPanel extends VBox implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private final GridPane totals = new GridPane();
    private final CountBars classes = new CountBars();
    private final CountBars sizes = new CountBars();
    private final TableView<SkippedFile> skipped = new TableView<>();
    private final Node classCard;
    private final Node skippedCard;
    private final Label skippedTitle = title("");
    private DataReport shown;

    DataReportPanel(DataViewModel vm) {
        super(16);
        getStyleClass().add("report-panel");
        totals.setHgap(16);
        totals.setVgap(6);
        TableColumn<SkippedFile, String> path = new TableColumn<>(Messages.get("data.skipped.path"));
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(shortPath(c.getValue().path())));
        path.setCellFactory(c -> new WrappedCell(c));
        path.setPrefWidth(220);
        TableColumn<SkippedFile, String> reason = new TableColumn<>(Messages.get("data.skipped.reason"));
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().why().text(Messages.locale())));
        reason.setCellFactory(c -> new WrappedCell(c));
        reason.setPrefWidth(220);
        skipped.getColumns().add(path);
        skipped.getColumns().add(reason);
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        skipped.setId("skipped-table");

        classCard = card(title(Messages.get("data.classes")), classes);
        skippedCard = card(skippedTitle, skipped);
        getChildren().addAll(card(title(Messages.get("data.summary")), totals), classCard,
                card(title(Messages.get("data.sizes")), sizes), skippedCard);
        subs.onChange(vm.reportProperty(), (o, a, r) -> show(r));
        show(vm.reportProperty().get());
    }

    /** Paths inside the loaded folder are shown relative to it: the table is narrow. */
    private String shortPath(Path file) {
        DataReport r = shown;
        if (r != null) {
            try {
                Path root = Path.of(r.source());
                if (file.startsWith(root)) {
                    return root.relativize(file).toString();
                }
            } catch (InvalidPathException e) {
                // The source is a name such as the built-in dataset's, not a folder.
            }
        }
        return file.toString();
    }

    /** A table cell that shows its whole text as a tooltip, for long paths and reasons. */
    /** A cell that wraps its text onto more lines in the narrow column instead of cutting it short. */
    private static final class WrappedCell extends TableCell<SkippedFile, String> {
        private final Text text = new Text();

        WrappedCell(TableColumn<SkippedFile, String> column) {
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
        }
    }

    private void show(DataReport r) {
        shown = r;
        setVisible(r != null);
        setManaged(r != null);
        if (r == null) {
            return;
        }
        totals.getChildren().clear();
        int row = 0;
        // The built-in set's name is said in the studio's language; a folder is shown as its path.
        boolean builtIn = r.source().equals(DataSpec.builtIn().displayName());
        row = total(row, "data.source", builtIn ? Messages.get("data.source.builtIn") : r.source());
        row = total(row, "data.loaded", Messages.format("data.loaded.value", r.loaded(), r.found()));
        row = total(row, "data.shape", r.channels() + " \u00d7 " + r.imageSize() + " \u00d7 " + r.imageSize()
                + "  \u00b7  " + Messages.get(r.channels() == 1 ? "channels.gray" : "channels.rgb"));
        if (r.upscaled() > 0) {
            row = total(row, "data.upscaled", String.format("%,d", r.upscaled()));
        }
        total(row, "data.time", r.fromCache()
                ? Messages.format("data.time.cached", seconds(r.loadSeconds()), seconds(r.firstLoadSeconds()))
                : seconds(r.loadSeconds()));
        classes.show(r.perClass());
        classCard.setVisible(!r.perClass().isEmpty());
        classCard.setManaged(!r.perClass().isEmpty());
        sizes.show(r.shortSides());
        skipped.setItems(FXCollections.observableArrayList(r.skipped()));
        // Room for its rows (a path and a reason take two or three lines in the narrow column), up to six; longer
        // lists scroll. Presentation mode's larger type needs the height in proportion.
        double tall = 34 + 62 * Math.min(6, Math.max(1, r.skipped().size()));
        skipped.prefHeightProperty().bind(Bindings.when(
                Presentation.onProperty())
                .then(tall * Presentation.FONT_SCALE).otherwise(tall));
        skipped.minHeightProperty().bind(skipped.prefHeightProperty());
        skippedTitle.setText(Messages.format("data.skipped", r.skipped().size()));
        skippedCard.setVisible(!r.skipped().isEmpty());
        skippedCard.setManaged(!r.skipped().isEmpty());
    }

    private int total(int row, String key, String value) {
        Label k = new Label(Messages.get(key));
        k.getStyleClass().add("form-label");
        k.setMinWidth(Label.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("stat-value");
        totals.addRow(row, k, v);
        return row + 1;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static VBox card(Node title, Node content) {
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("card");
        return box;
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
