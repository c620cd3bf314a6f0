package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The lab's "Arithmetic" tab: three concepts filled with examples (the point on show, or bookmarks), then A - B + C
 * with its neighbours in latent space above the same sum on pixels. Clicking a result shows it as the point to edit.
 */
final class ArithmeticPanel extends VBox {

    private static final double THUMB = 56;
    private static final double CELL = 60;

    private final ArithmeticModel model;
    private final ExploreText text;
    private final GridPane results = new GridPane();

    ArithmeticPanel(ArithmeticModel model, BookmarksModel bookmarks, ExploreText text, Subscriptions subs) {
        super(8);
        this.model = model;
        this.text = text;
        setPadding(new Insets(8));
        setId("arithmeticPanel");
        getChildren().add(ProjectPanel.wrapped(text.format("lab.arithmeticIntro", ArithmeticModel.MIN_EXAMPLES)));
        for (int k = 0; k < ArithmeticModel.CONCEPTS; k++) {
            getChildren().add(conceptRow(k, bookmarks, subs));
        }
        Button compute = new Button(text.get("lab.arithmeticCompute"));
        compute.setId("arithmeticCompute");
        compute.setOnAction(e -> model.compute());
        Label message = ProjectPanel.wrapped("");
        message.setId("arithmeticMessage");
        message.textProperty().bind(model.messageProperty());
        results.setHgap(10);
        results.setVgap(2);
        subs.onChange(model.resultProperty(), (o, a, r) -> showResult(r));
        showResult(model.resultProperty().get());
        getChildren().addAll(compute, message, results);
    }

    /** A bookmark's menu entry: "smile_2" is a name, not "2" with a keyboard shortcut on its first letter. */
    static MenuItem bookmarkItem(String name) {
        MenuItem m = new MenuItem(name);
        m.setMnemonicParsing(false);
        return m;
    }

    private VBox conceptRow(int k, BookmarksModel bookmarks, Subscriptions subs) {
        char letter = "ABC".charAt(k);
        Label name = new Label(String.valueOf(letter));
        name.setStyle("-fx-font-weight: bold; -fx-font-size: 1.385em;");
        name.setMinWidth(18);
        Button current = new Button(text.get("lab.addCurrent"));
        current.setId("addCurrent" + letter);
        current.setOnAction(e -> model.addCurrent(k));
        current.setTooltip(Tips.of(text.format("lab.addCurrentTooltip", letter)));
        MenuButton fromBookmark = new MenuButton(text.get("lab.addBookmark"));
        fromBookmark.setId("addBookmark" + letter);
        fromBookmark.setOnShowing(e -> {
            fromBookmark.getItems().clear();
            for (BookmarksModel.Item item : bookmarks.items()) {
                MenuItem m = bookmarkItem(item.name());
                m.setOnAction(x -> model.add(k, item.name(), item.bookmark().z()));
                fromBookmark.getItems().add(m);
            }
            if (fromBookmark.getItems().isEmpty()) {
                MenuItem none = new MenuItem(text.get("lab.noBookmarks"));
                none.setDisable(true);
                fromBookmark.getItems().add(none);
            }
        });
        current.setMaxWidth(Double.MAX_VALUE);
        fromBookmark.setMaxWidth(Double.MAX_VALUE);
        VBox buttons = new VBox(4, current, fromBookmark);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane examples = new FlowPane(4, 4);
        HBox.setHgrow(examples, Priority.ALWAYS);
        examples.setPrefWrapLength(3 * (THUMB + 4));
        examples.setId("examples" + letter);
        Runnable refresh = () -> {
            examples.getChildren().clear();
            List<ArithmeticModel.Example> list = model.concept(k);
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                PixelView v = thumb(THUMB);
                v.show(list.get(i).thumbnail());
                Tooltip.install(v, Tips.of(text.format("lab.exampleTooltip", list.get(i).name())));
                v.setOnMouseClicked(e -> model.remove(k, index));
                examples.getChildren().add(v);
            }
            if (list.isEmpty()) {
                examples.getChildren().add(new Label(text.get("lab.noExamples")));
            }
        };
        subs.onList(model.concept(k), (ListChangeListener<ArithmeticModel.Example>) c -> refresh.run());
        refresh.run();
        HBox row = new HBox(8, name, examples, buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(row);
    }

    /** Three rows of four, so each latent result stands above its pixel counterpart: A, B, C, A - B + C. */
    private void showResult(ArithmeticModel.Result r) {
        results.getChildren().clear();
        if (r == null) {
            return;
        }
        int columns = ArithmeticModel.CONCEPTS + 1;
        String[] heads = {"A", "B", "C", "A − B + C"};
        results.add(ProjectPanel.wrapped(text.get("lab.inLatent")), 0, 0, columns, 1);
        for (int i = 0; i < r.latent().size(); i++) {
            int index = i;
            PixelView v = cell(r.latent().get(i));
            v.setId("arithmeticLatent" + i);
            v.setOnMouseClicked(e -> model.show(index));
            Tooltip.install(v, Tips.of(text.get("lab.showResult")));
            int row = i < columns ? 1 : 3;
            results.add(v, i % columns, row);
            results.add(new Label(i < columns ? heads[i] : text.format("lab.neighbourShort", i - columns + 1)),
                    i % columns, row + 1);
        }
        results.add(ProjectPanel.wrapped(text.get("lab.onPixels")), 0, 5, columns, 1);
        for (int i = 0; i < r.pixels().size(); i++) {
            PixelView v = cell(r.pixels().get(i));
            v.setId("arithmeticPixels" + i);
            results.add(v, i, 6);
            results.add(new Label(heads[i]), i, 7);
        }
        results.add(ProjectPanel.wrapped(text.get("lab.arithmeticHint")), 0, 8, columns, 1);
    }

    private static PixelView cell(ArgbFrame f) {
        PixelView v = thumb(CELL);
        v.show(f);
        return v;
    }

    private static PixelView thumb(double size) {
        PixelView v = new PixelView();
        v.setMinSize(size, size);
        v.setPrefSize(size, size);
        v.setMaxSize(size, size);
        return v;
    }
}
