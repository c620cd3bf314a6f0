package io.ganstudio.ui.explore;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Explore screen: a grid of samples to pick from, the picked image large, and sliders, truncation and
 * interpolation to play with it. Everything is rendered by the generator's own thread; this view only shows results.
 */
public final class ExploreView extends BorderPane implements Disposable {

    private final Subscriptions subs = new Subscriptions();


    private final ExploreViewModel vm;
    private final ExploreText text;
    private final Supplier<Path> currentRun;
    private final PixelView main = new PixelView();
    private final List<PixelView> tileViews = new ArrayList<>();
    private final Label title = new Label();
    private final Label status = new Label();
    private InterpolationPanel interpolation;

    /**
     * Plug-in constructor for the studio shell.
     *
     * @param currentRun the run folder on the Train screen (for "This run's latest"), or null when there is none
     */
    public ExploreView(Supplier<Path> currentRun, Locale locale) {
        this(new ExploreViewModel(Platform::runLater, () -> new SecureRandom().nextInt(1_000_000)), new ExploreText(locale),
                currentRun);
    }

    /** For tests and benchmarks that build the ViewModel themselves. */
    public ExploreView(ExploreViewModel vm, ExploreText text, Supplier<Path> currentRun) {
        this.vm = vm;
        this.text = text;
        this.currentRun = currentRun;
        this.nearestPicker = new NearestPicker(text);
        getStyleClass().addAll("screen", "explore-view");
        setPadding(new Insets(10));
        setTop(toolbar());
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ImageSource s = vm.sourceProperty().get();
            return s == null ? "" : text.format("label.opened", vm.openedNameProperty().get(), s.step(), s.imageSize());
        }, vm.sourceProperty(), vm.openedNameProperty()));
        // A view that leaves the window (the shell rebuilds views on a language switch) stops playing.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                interpolation.stop();
            } else {
                openJustTrained();
            }
        });
        status.setWrapText(true);
        status.setMaxHeight(60);
        status.setPadding(new Insets(6, 0, 0, 0));
        setBottom(status); // errors and "saved" notes, out of the way of the title
        HBox body = new HBox(14, samplesColumn(), imageColumn(), LabPane.around(controlsColumn(), vm, text, subs));
        body.getStyleClass().add("explore-body"); // a card, as on the Data and Model screens (studio.css)
        subs.onChange(vm.imageProperty(), (o, a, f) -> main.show(f));
        main.show(vm.imageProperty().get());
        subs.onChange(vm.errorProperty(), (o, a, e) -> {
            if (!e.isEmpty()) {
                status.setText(text.format("error.render", e));
            } else if (!a.isEmpty() && status.getText().equals(text.format("error.render", a))) {
                status.setText(""); // drawn again: the error is over (a note shown since stays)
            }
        });
        Label none = new Label(text.get("label.none"));
        none.setStyle("-fx-font-size: 1.15em;");
        body.visibleProperty().bind(vm.sourceProperty().isNotNull());
        StackPane.setAlignment(none, Pos.CENTER);
        none.visibleProperty().bind(vm.sourceProperty().isNull());
        setCenter(new StackPane(none, body));
        BorderPane.setMargin(getCenter(), new Insets(10, 0, 0, 0));
    }

    /**
     * Follows the Train screen's run while this view is on screen: a run that arrives there (opened from the Run
     * menu, or trained) opens here as it would when Explore is shown (see {@link #openJustTrained()}).
     */
    public ExploreView following(ObservableValue<Path> trainScreenRun) {
        subs.onChange(trainScreenRun, (o, was, now) -> {
            if (getScene() != null) {
                openJustTrained();
            }
        });
        return this;
    }

    public ExploreViewModel viewModel() {
        return vm;
    }

    public PixelView mainImage() {
        return main;
    }

    // ---- opening

    private HBox toolbar() {
        Button current = new Button(text.get("button.currentRun"));
        current.setId("openCurrent");
        current.setTooltip(Tips.of(text.get("tooltip.currentRun")));
        current.setOnAction(e -> {
            Path run = currentRun == null ? null : currentRun.get();
            if (run == null) {
                status.setText(text.get("error.noRun"));
            } else {
                open(run, true);
            }
        });
        Button run = new Button(text.get("button.openRun"));
        run.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(text.get("dialog.openRun"));
            File dir = c.showDialog(window());
            if (dir != null) {
                open(dir.toPath());
            }
        });
        Button checkpoint = new Button(text.get("button.openCheckpoint"));
        checkpoint.setTooltip(Tips.of(text.get("tooltip.openCheckpoint")));
        checkpoint.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(text.get("dialog.openCheckpoint"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("dialog.checkpointFilter"), "*.gsc"));
            File f = c.showOpenDialog(window());
            if (f != null) {
                open(f.toPath());
            }
        });
        title.setStyle("-fx-font-weight: bold;");
        title.setId("generatorTitle");
        status.setId("exploreStatus");
        status.setStyle("-fx-text-fill: #9a3000;");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        title.setMinWidth(120); // a long run name is shortened (…) rather than pushing the screen wider than the window
        HBox bar = new HBox(8, current, run, checkpoint, new Separator(Orientation.VERTICAL), title);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Button b : new Button[] {current, run, checkpoint}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /**
     * The run on the Train screen opens by itself when Explore is shown: when nothing is open yet, an older
     * checkpoint of that same run is, or what is open came from the Train screen too (opened by itself or with
     * "This run's latest") and another run is there now. Something the user opened from elsewhere stays.
     */
    private void openJustTrained() {
        Path run = currentRun == null ? null : currentRun.get();
        if (run == null || !mayReplaceWith(run)) {
            return;
        }
        ImageSource shown = vm.sourceProperty().get();
        long shownStep = shown == null || !run.equals(vm.openedPathProperty().get()) ? -1 : shown.step();
        BackgroundTasks.common().run(text.get("label.opening"), () -> {
            List<Path> checkpoints = Checkpoints.list(run.resolve(RunFolder.CHECKPOINTS));
            return checkpoints.isEmpty() ? -1L : Checkpoints.stepOf(checkpoints.get(checkpoints.size() - 1));
        }, newest -> {
            if (newest > shownStep && mayReplaceWith(run)) {
                open(run, true);
            }
        }, e -> {
            if (mayReplaceWith(run)) {
                open(run, true); // an unreadable run: opening it says why
            }
        });
    }

    private boolean mayReplaceWith(Path run) {
        return vm.sourceProperty().get() == null || run.equals(vm.openedPathProperty().get())
                || vm.followsTrainScreen();
    }

    /** Opens a run folder or a .gsc checkpoint the user chose (also for the shell's menus): it stays on show. */
    public void open(Path path) {
        open(path, false);
    }

    /** @param fromTrainScreen the Train screen's run: the next run trained there replaces it */
    private void open(Path path, boolean fromTrainScreen) {
        status.setText(text.get("label.opening"));
        interpolation.stop();
        BackgroundTasks.common().run(text.get("label.opening"), () -> GeneratorOpener.open(path), opened -> {
            status.setText("");
            vm.open(opened.source(), path, opened.name());
            vm.setFollowsTrainScreen(fromTrainScreen);
        }, e -> status.setText(text.format("error.open", ErrorText.of(e, text.locale()))));
    }

    // ---- samples

    private VBox samplesColumn() {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        int columns = (int) Math.sqrt(ExploreViewModel.TILES);
        for (int i = 0; i < ExploreViewModel.TILES; i++) {
            int index = i;
            PixelView tile = new PixelView();
            // Smaller in presentation mode, whose larger type needs the width (the picked image is the large one).
            tile.minWidthProperty().bind(Bindings.when(Presentation.onProperty()).then(52.0).otherwise(64.0));
            tile.prefWidthProperty().bind(Bindings.when(Presentation.onProperty()).then(54.0).otherwise(72.0));
            tile.maxWidthProperty().bind(tile.prefWidthProperty());
            tile.minHeightProperty().bind(tile.minWidthProperty());
            tile.prefHeightProperty().bind(tile.prefWidthProperty());
            tile.maxHeightProperty().bind(tile.prefWidthProperty());
            tile.setId("tile" + i);
            tile.setOnMouseClicked(e -> vm.pick(index));
            tile.setStyle(border(false));
            tileViews.add(tile);
            grid.add(tile, i % columns, i / columns);
        }
        subs.onChange(vm.tilesProperty(), (o, a, frames) -> showTiles());
        subs.onChange(vm.pickedProperty(), (o, a, p) -> showTiles());
        showTiles(); // a rebuilt view starts from the ViewModel's state
        Button reroll = new Button(text.get("button.reroll"));
        reroll.setId("reroll");
        reroll.setTooltip(Tips.of(text.get("tooltip.reroll")));
        reroll.setOnAction(e -> vm.reroll());
        Label seed = new Label();
        seed.setId("seedLabel");
        seed.textProperty().bind(Bindings.createStringBinding(() -> vm.pointNameProperty().get().isEmpty()
                ? text.format(vm.editedProperty().get() ? "label.seedEdited" : "label.seed",
                Long.toString(vm.pickedSeedProperty().get()))
                : text.format(vm.editedProperty().get() ? "lab.pointEdited" : "lab.point", vm.pointNameProperty().get()),
                vm.pickedSeedProperty(), vm.editedProperty(), vm.pointNameProperty()));
        Button copy = new Button(text.get("button.copySeed"));
        copy.setId("copySeed");
        copy.setTooltip(Tips.of(text.get("tooltip.copySeed")));
        copy.disableProperty().bind(vm.pointNameProperty().isNotEmpty()); // a lab point has no seed to copy
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.cliCommand(generatorOption()));
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox seedRow = new HBox(8, seed, copy);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label(text.get("label.samples"));
        heading.setStyle("-fx-font-weight: bold;");
        VBox column = new VBox(8, heading, grid, reroll, seedRow);
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private void showTiles() {
        List<ArgbFrame> frames = vm.tilesProperty().get();
        for (int i = 0; i < tileViews.size(); i++) {
            tileViews.get(i).show(i < frames.size() ? frames.get(i) : null);
            tileViews.get(i).setStyle(border(i == vm.pickedProperty().get()));
        }
    }

    private String generatorOption() {
        Path openedPath = vm.openedPathProperty().get();
        if (openedPath == null) {
            return "--run RUN";
        }
        String option = openedPath.toString().endsWith(".gsc") ? "--checkpoint" : "--run";
        return option + " \"" + openedPath.toAbsolutePath() + "\"";
    }

    private static String border(boolean picked) {
        return picked ? "-fx-border-color: #1f6fb5; -fx-border-width: 3;"
                : "-fx-border-color: transparent; -fx-border-width: 3;";
    }

    // ---- the picked image

    private VBox imageColumn() {
        main.setId("mainImage");
        main.setPrefSize(420, 420);
        main.setStyle("-fx-background-color: #3a3a3a;");
        VBox.setVgrow(main, Priority.ALWAYS);
        Button png = new Button(text.get("button.savePng"));
        png.setId("savePng");
        png.disableProperty().bind(vm.imageProperty().isNull());
        png.setOnAction(e -> savePng());
        Button nearest = new Button(text.get("button.nearest"));
        nearest.setId("nearest");
        nearest.setTooltip(new Tooltip(text.get("tooltip.nearest")));
        nearest.disableProperty().bind(vm.imageProperty().isNull().or(vm.openedPathProperty().isNull()));
        nearest.setOnAction(e -> showNearest());
        nearest.setWrapText(true); // two lines in a narrow column rather than "Nearest tr…"
        png.setWrapText(true);
        WrappingRow row = new WrappingRow(8, 4, nearest, png).aligned(HPos.RIGHT);
        VBox column = new VBox(8, main, row);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    // ---- sliders, truncation, interpolation

    private ScrollPane controlsColumn() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(0, 12, 0, 0));
        ClassPanel classes = new ClassPanel(vm, text, subs);
        Separator afterClasses = new Separator();
        afterClasses.managedProperty().bind(classes.managedProperty());
        afterClasses.visibleProperty().bind(classes.visibleProperty());
        box.getChildren().addAll(classes, afterClasses);
        box.getChildren().addAll(LatentSliderControls.sliders(vm, text, subs));
        box.getChildren().add(new Separator());
        box.getChildren().add(new DirectionsPanel(vm, text, subs));
        box.getChildren().add(new Separator());
        box.getChildren().add(LatentSliderControls.truncation(vm, text));
        box.getChildren().add(new Separator());
        interpolation = new InterpolationPanel(vm, text, subs, status::setText, name -> chooser("dialog.saveGif",
                "GIF", "*.gif", name));
        box.getChildren().add(interpolation);
        watchHand(box);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(400);
        scroll.setPrefWidth(420);
        scroll.setStyle("-fx-background-color: transparent;");
        return scroll;
    }

    /**
     * The hand arrives before the drag: movement or a press over the column of sliders (latent, truncation,
     * interpolation) tells a running training to let the step in flight finish now, while the pointer is still on
     * its way to a thumb. A pointer at rest sends nothing; releasing the button lets training go on once the last
     * image is drawn.
     */
    private void watchHand(Node area) {
        area.addEventFilter(MouseEvent.ANY, e -> {
            var type = e.getEventType();
            if (type == MouseEvent.MOUSE_MOVED || type == MouseEvent.MOUSE_ENTERED_TARGET
                    || type == MouseEvent.MOUSE_ENTERED || type == MouseEvent.MOUSE_PRESSED
                    || type == MouseEvent.MOUSE_DRAGGED) {
                vm.handNearSliders();
            } else if (type == MouseEvent.MOUSE_RELEASED) {
                vm.handLetGoOfSliders();
            }
        });
    }

    // ---- nearest training images

    private final NearestPicker nearestPicker;

    /** The picked image's nearest training images, in a dialog; the run's data and D load once per opened run. */
    private void showNearest() {
        ArgbFrame frame = vm.imageProperty().get();
        Path path = vm.openedPathProperty().get();
        if (frame == null || path == null) {
            return;
        }
        nearestPicker.show(window(), path, frame, status::setText);
    }

    // ---- saving

    private void savePng() {
        ArgbFrame f = vm.imageProperty().get();
        String point = vm.pointNameProperty().get().replaceAll("[\\\\/:*?\"<>|]", "_"); // a lab point's name
        File file = chooser("dialog.savePng", "PNG", "*.png", (point.isEmpty() ? "seed-" + vm.pickedSeedProperty().get()
                : point) + ".png");
        if (f == null || file == null) {
            return;
        }
        BackgroundTasks.common().run(text.get("dialog.savePng"), () -> {
            // PNG or JPEG as the name says, written atomically; never over a run's own file or another kind of file.
            OutputCheck.requireChosen(file.toPath(),
                    OutputCheck.Kind.IMAGE);
            SampleGrid.writeImage(f.argb(), f.width(), f.height(), file.toPath());
            return file;
        }, done -> status.setText(text.format("done.saved", done)), e -> status.setText(text.format("error.save",
                FileErrors.text(e))));
    }

    private File chooser(String titleKey, String filterName, String pattern, String initialName) {
        FileChooser c = new FileChooser();
        c.setTitle(text.get(titleKey));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
        c.setInitialFileName(initialName.replace("*", ""));
        return c.showSaveDialog(window());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
    @Override
    public void dispose() {
        subs.dispose();
        nearestPicker.close();
        interpolation.stop();
    }
}
