package io.ganstudio.ui.data;

import io.ganstudio.core.data.Fit;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.model.ModelViewModel;
import io.ganstudio.ui.present.Presentation;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.GridView;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The Data screen: choose images, watch them decode, browse them, and read what was loaded and skipped. */
public final class DataView extends BorderPane implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private static final double THUMB = 64;

    private final DataViewModel vm;
    private final ModelViewModel model;
    private final Supplier<Window> window;
    private final GridView<Integer> grid = new GridView<>();
    private final Label gridTitle = new Label();

    public DataView(DataViewModel vm, ModelViewModel model, Supplier<Window> window) {
        this.vm = vm;
        this.model = model;
        this.window = window;
        getStyleClass().add("screen");
        setTop(new VBox(12, header(), new DataStatusBanner(vm, model)));
        setCenter(body());
        enableFolderDrop();
    }

    private HBox header() {
        Label title = new Label(Messages.get("screen.data"));
        title.getStyleClass().add("screen-title");
        Button builtIn = new Button(Messages.get("data.useBuiltIn"));
        builtIn.setId("useBuiltIn");
        builtIn.setOnAction(e -> vm.loadBuiltIn(size()));
        Button folder = new Button(Messages.get("data.chooseFolder"));
        folder.setId("chooseFolder");
        folder.getStyleClass().add("accent");
        folder.setOnAction(e -> chooseFolder());
        MenuButton recent = new MenuButton(Messages.get("data.recent"));
        recent.setId("recentFolders");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (String f : vm.recentFoldersProperty()) {
                MenuItem i = new MenuItem(f);
                i.setMnemonicParsing(false);
                i.setOnAction(e -> vm.loadFolder(Path.of(f), size()));
                recent.getItems().add(i);
            }
            // Hidden, not greyed out, until a folder was chosen once.
            recent.setVisible(!recent.getItems().isEmpty());
            recent.setManaged(!recent.getItems().isEmpty());
        };
        subs.onList(vm.recentFoldersProperty(), c -> fillRecent.run());
        fillRecent.run();
        builtIn.disableProperty().bind(vm.stateProperty().isEqualTo(DataState.LOADING));
        folder.disableProperty().bind(vm.stateProperty().isEqualTo(DataState.LOADING));
        ComboBox<Fit> fit = new ComboBox<>(FXCollections.observableArrayList(Fit.values()));
        fit.setId("fit");
        fit.setConverter(new StringConverter<>() {
            @Override
            public String toString(Fit f) {
                return f == null ? "" : Messages.get("data.fit." + f.name());
            }

            @Override
            public Fit fromString(String s) {
                return null;
            }
        });
        fit.valueProperty().bindBidirectional(vm.fitProperty());
        fit.setTooltip(Tips.of(Messages.get("data.fit.help")));
        fit.disableProperty().bind(vm.stateProperty().isEqualTo(DataState.LOADING));
        Label drop = new Label(Messages.get("data.dropHint"));
        drop.getStyleClass().add("muted");
        drop.setWrapText(true); // a hint: it wraps, or takes a line of its own, when the header is short of room
        // Presentation mode's larger text leaves no room for the hint; the buttons and the title keep their size.
        drop.visibleProperty().bind(Presentation.onProperty().not());
        drop.managedProperty().bind(drop.visibleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        // The choices and buttons go on in a second line rather than shorten their texts (Japanese, presentation).
        WrappingRow actions = new WrappingRow(10, 6, drop, fit, builtIn,
                folder, recent).aligned(HPos.RIGHT);
        HBox.setHgrow(actions, Priority.ALWAYS);
        HBox h = new HBox(10, title, actions);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("screen-header");
        return h;
    }

    private HBox body() {
        grid.setId("thumbnails");
        grid.setCellWidth(THUMB);
        grid.setCellHeight(THUMB);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new ThumbnailCell(() -> vm.datasetProperty().get(), THUMB));
        gridTitle.getStyleClass().add("section-title");
        Label empty = new Label(Messages.get("data.empty"));
        empty.getStyleClass().add("muted");
        StackPane gridStack = new StackPane(grid, empty);
        VBox.setVgrow(gridStack, Priority.ALWAYS);
        VBox gridCard = new VBox(10, gridTitle, gridStack);
        gridCard.getStyleClass().addAll("card", "grid-card");
        HBox.setHgrow(gridCard, Priority.ALWAYS);
        subs.onChange(vm.datasetProperty(), (o, a, d) -> showDataset(d, empty));
        showDataset(vm.datasetProperty().get(), empty);

        ScrollPane report = new ScrollPane(new DataReportPanel(vm));
        report.setFitToWidth(true);
        report.getStyleClass().add("plain-scroll");
        report.setMinWidth(360);
        report.setPrefWidth(420);
        return new HBox(20, gridCard, report);
    }

    private void showDataset(ImageDataset d, Label empty) {
        empty.setVisible(d == null);
        grid.setVisible(d != null);
        if (d == null) {
            grid.setItems(FXCollections.observableArrayList());
            gridTitle.setText(Messages.get("data.images"));
            return;
        }
        List<Integer> indices = IntStream.range(0, d.count()).boxed().toList();
        grid.setItems(FXCollections.observableArrayList(indices));
        gridTitle.setText(Messages.format("data.images.count", d.count()));
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("data.chooseFolder.title"));
        vm.recentFoldersProperty().stream().findFirst().map(File::new).map(File::getParentFile)
                .filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            vm.loadFolder(dir.toPath(), size());
        }
    }

    private void enableFolderDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && droppedFolder(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                getStyleClass().add("drop-target");
            }
            e.consume();
        });
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
        setOnDragDropped(e -> {
            File dir = e.getDragboard().hasFiles() ? droppedFolder(e.getDragboard().getFiles()) : null;
            if (dir != null) {
                vm.loadFolder(dir.toPath(), size());
            }
            e.setDropCompleted(dir != null);
            e.consume();
        });
    }

    private static File droppedFolder(List<File> files) {
        return files.size() == 1 && files.get(0).isDirectory() ? files.get(0) : null;
    }

    private int size() {
        Integer s = model.imageSizeProperty().get();
        return s == null ? 28 : s;
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
