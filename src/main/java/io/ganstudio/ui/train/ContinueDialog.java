package io.ganstudio.ui.train;

import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.model.NumberField;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;

/**
 * "Continue training": the new target and the settings a resume may change, filled with the run's own. OK is
 * refused (with the problems listed) while a value is invalid; the result is the settings to continue with.
 */
public final class ContinueDialog extends Dialog<TrainConfig> {

    private final ContinueSettings settings;
    private final TrainText text;
    private final Label problems = new Label();

    public ContinueDialog(Window owner, ContinueSettings settings, TrainText text, String runName, long step) {
        this.settings = settings;
        this.text = text;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(text.get("continue.title"));
        setHeaderText(text.format("continue.header", runName, step));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (NumberField f : ContinueSettings.EDITABLE) {
            TextField field = new TextField();
            field.setId("continue-" + f.name());
            field.setPrefColumnCount(9);
            field.textProperty().bindBidirectional(settings.text(f));
            String label = f == NumberField.STEPS ? text.get("continue.target") : Messages.get(f.labelKey());
            grid.addRow(row++, new Label(label), field);
        }
        ComboBox<LossKind> loss = new ComboBox<>();
        loss.setId("continue-loss");
        loss.getItems().setAll(LossKind.values());
        loss.valueProperty().bindBidirectional(settings.lossProperty());
        loss.setConverter(new StringConverter<>() {
            public String toString(LossKind k) {
                return k == null ? "" : Messages.get("loss." + k.name());
            }

            public LossKind fromString(String s) {
                return null;
            }
        });
        grid.addRow(row, new Label(Messages.get("field.loss")), loss);
        Label kept = new Label(text.get("continue.kept"));
        kept.setWrapText(true);
        kept.setMaxWidth(460);
        problems.setId("continue-problems");
        problems.setWrapText(true);
        problems.setMaxWidth(460);
        problems.setStyle("-fx-text-fill: #b02a20;");
        getDialogPane().setContent(new VBox(10, grid, kept, problems));
        PresentationLayout.followInDialog(this, text.locale());
        ButtonType go = new ButtonType(text.get("button.continue"), ButtonType.OK.getButtonData());
        // Not ButtonType.CANCEL: its text follows the JVM's locale, not the studio's language.
        ButtonType cancel = new ButtonType(text.get("continue.cancel"), ButtonType.CANCEL.getButtonData());
        getDialogPane().getButtonTypes().setAll(go, cancel);
        Node ok = getDialogPane().lookupButton(go);
        ok.setId("continue-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (read() == null) {
                e.consume(); // stay open: the problems are listed
            }
        });
        setResultConverter(b -> b == go ? read() : null);
    }

    private TrainConfig read() {
        ContinueSettings.Result r = settings.read(text.locale());
        if (r instanceof ContinueSettings.Valid v) {
            problems.setText("");
            return v.settings();
        }
        List<String> p = ((ContinueSettings.Invalid) r).problems();
        problems.setText(String.join("\n", p.stream().map(s -> "• " + s).toList()));
        return null;
    }
}
