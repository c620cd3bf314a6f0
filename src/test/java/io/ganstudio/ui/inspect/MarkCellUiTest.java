package io.ganstudio.ui.inspect;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inspect's red "▲ above" mark stays readable on a selected row (studio.css). */
@ExtendWith(ApplicationExtension.class)
class MarkCellUiTest {

    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        TableColumn<String, String> mark = new TableColumn<>("mark");
        mark.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        mark.setCellFactory(c -> new MarkCell<>());
        table.getColumns().add(mark);
        table.getItems().addAll("\u25b2 超過", "normal");
        Scene scene = new Scene(table, 300, 200);
        scene.getStylesheets().add(StudioStyle.sheet());
        stage.setScene(scene);
        stage.show();
    }

    private static double luminance(Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    private static double contrast(Color a, Color b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    private static Color background(Node n) {
        Background b = ((Region) n).getBackground();
        return (Color) b.getFills().get(b.getFills().size() - 1).getFill();
    }

    private double markContrast(FxRobot robot) {
        MarkCell<?> cell = robot.lookup(".mark-above").queryAs(MarkCell.class);
        TableRow<?> row = cell.getTableRow();
        return contrast((Color) cell.getTextFill(), background(row));
    }

    @Test
    void theAboveMarkIsReadableSelectedOrNot(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double plain = markContrast(robot);
        assertTrue(plain >= 4.5, "red on white: " + plain);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double selected = markContrast(robot);
        assertTrue(selected >= 4.5, "on the selected row: contrast " + selected);
    }
}
