package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The lab's "Bookmarks" tab: keep the point on show under a name, list, show, rename and delete bookmarks, export a
 * looping walk through the selected ones, and name the principal directions (kept in the same latents.json).
 */
final class BookmarksPanel extends VBox {

    private static final double THUMB = 56;

    private final BookmarksModel model;
    private final ExploreText text;
    private final ListView<BookmarksModel.Item> list = new ListView<>();
    private final Subscriptions subs;

    BookmarksPanel(BookmarksModel model, ExploreViewModel explore, ExploreText text, Subscriptions subs) {
        super(8);
        this.subs = subs;
        this.model = model;
        this.text = text;
        setPadding(new Insets(8));
        setId("bookmarksPanel");
        TextField name = new TextField();
        name.setId("bookmarkName");
        name.setPromptText(text.get("lab.bookmarkPrompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        Button keep = new Button(text.get("lab.keep"));
        keep.setId("bookmarkKeep");
        keep.setTooltip(Tips.of(text.get("lab.keepTooltip")));
        keep.setOnAction(e -> {
            if (model.keepCurrent(name.getText())) {
                name.clear();
            }
        });
        HBox keepRow = new HBox(8, name, keep);
        keepRow.setAlignment(Pos.CENTER_LEFT);

        list.setId("bookmarkList");
        // A copy kept in step through the view's subscriptions: the model outlives this view.
        subs.onList(model.items(), c -> list.getItems().setAll(model.items()));
        list.getItems().setAll(model.items());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ItemCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.show(list.getSelectionModel().getSelectedItem().name());
            }
        });
        Button show = new Button(text.get("lab.show"));
        show.setId("bookmarkShow");
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> model.show(list.getSelectionModel().getSelectedItem().name()));
        Button rename = new Button(text.get("lab.rename"));
        rename.setId("bookmarkRename");
        rename.setTooltip(Tips.of(text.get("lab.renameTooltip")));
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(name.textProperty().isEmpty()));
        rename.setOnAction(e -> {
            if (model.rename(list.getSelectionModel().getSelectedItem().name(), name.getText())) {
                name.clear();
            }
        });
        Button delete = new Button(text.get("lab.delete"));
        delete.setId("bookmarkDelete");
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> selectedNames().forEach(model::delete));
        HBox actions = new HBox(8, show, rename, delete);
        Label message = ProjectPanel.wrapped("");
        message.setId("bookmarkMessage");
        message.textProperty().bind(model.messageProperty());

        Label heading = bold(text.get("lab.bookmarks"));
        getChildren().addAll(heading, keepRow, list, actions, message, new Separator());
        getChildren().addAll(walkControls());
        getChildren().add(new Separator());
        getChildren().addAll(directionControls(explore));
        for (var n : List.of(keepRow, list, actions)) {
            n.disableProperty().bind(model.availableProperty().not());
        }
    }

    private List<Node> walkControls() {
        Label heading = bold(text.get("lab.walk"));
        Label explain = ProjectPanel.wrapped(text.get("lab.walkIntro"));
        Spinner<Integer> frames = new Spinner<>(2, 240, model.walkFramesProperty().get(), 4);
        frames.setId("walkFrames");
        frames.setEditable(true);
        frames.setPrefWidth(80);
        frames.valueProperty().addListener((o, a, v) -> model.walkFramesProperty().set(v));
        subs.onChange(model.walkFramesProperty(), (o, a, v) -> frames.getValueFactory().setValue(v.intValue()));
        CheckBox slerp = new CheckBox(text.get("label.slerp"));
        slerp.selectedProperty().bindBidirectional(model.walkSlerpProperty());
        HBox options = new HBox(8, new Label(text.get("lab.walkFrames")), frames, slerp);
        options.setAlignment(Pos.CENTER_LEFT);
        Button gif = new Button(text.get("lab.walkGif"));
        gif.setId("walkGif");
        gif.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(text.get("lab.walkGifTitle"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
            c.setInitialFileName("walk.gif");
            File f = c.showSaveDialog(window());
            if (f != null) {
                model.export(selectedNames(), f.toPath(), true);
            }
        });
        Button frameFolder = new Button(text.get("lab.walkFramesFolder"));
        frameFolder.setId("walkPngs");
        frameFolder.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(text.get("lab.walkFramesTitle"));
            File d = c.showDialog(window());
            if (d != null) {
                model.export(selectedNames(), d.toPath(), false);
            }
        });
        for (Button b : new Button[] {gif, frameFolder}) {
            b.disableProperty().bind(model.exportingProperty().or(model.availableProperty().not()));
        }
        return List.of(heading, explain, options, new HBox(8, gif, frameFolder));
    }

    private List<Node> directionControls(ExploreViewModel explore) {
        Label heading = bold(text.get("lab.directions"));
        Label explain = ProjectPanel.wrapped(text.get("lab.directionsIntro"));
        ChoiceBox<Integer> which = new ChoiceBox<>();
        which.setId("directionChoice");
        TextField name = new TextField();
        name.setId("directionName");
        name.setPromptText(text.get("lab.directionPrompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        Runnable fill = () -> {
            which.getItems().setAll(IntStream.rangeClosed(1, explore.sliders().directions().size()).boxed()
                    .toList());
            if (!which.getItems().isEmpty()) {
                which.setValue(1);
            }
        };
        subs.onChange(explore.sliders().directionsReadyProperty(), (o, a, ready) -> fill.run());
        fill.run();
        which.valueProperty().addListener((o, a, v) -> name.setText(v == null ? "" : model.directionName(v - 1)));
        Button save = new Button(text.get("lab.directionSave"));
        save.setId("directionSave");
        save.disableProperty().bind(which.valueProperty().isNull().or(model.availableProperty().not()));
        save.setOnAction(e -> model.nameDirection(which.getValue() - 1, name.getText()));
        Label number = new Label(text.get("lab.directionNumber"));
        number.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        name.setPrefColumnCount(10);
        HBox row = new HBox(8, number, which, name, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return List.of(heading, explain, row);
    }

    private List<String> selectedNames() {
        // In list order: the walk goes down the list and back to the top.
        return list.getItems().stream().filter(i -> list.getSelectionModel().getSelectedItems().contains(i))
                .map(BookmarksModel.Item::name).toList();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private final class ItemCell extends ListCell<BookmarksModel.Item> {
        private final PixelView thumb = new PixelView();
        private final Label label = new Label();
        private final HBox box = new HBox(8, thumb, label);

        ItemCell() {
            thumb.setMinSize(THUMB, THUMB);
            thumb.setPrefSize(THUMB, THUMB);
            thumb.setMaxSize(THUMB, THUMB);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(BookmarksModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            thumb.show(item.thumbnail());
            label.setText(item.name());
            setTooltip(Tips.of(item.bookmark().source() == null ? item.name() : item.bookmark().source()));
            setGraphic(box);
        }
    }
}
