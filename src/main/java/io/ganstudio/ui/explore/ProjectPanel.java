package io.ganstudio.ui.explore;

import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The lab's "Project" tab: drop or choose an image, watch its reconstruction converge beside it as the model sees
 * it, cancel at any time; the z found becomes Explore's point on show.
 */
final class ProjectPanel extends VBox {

    private static final double IMAGE = 150;

    ProjectPanel(ProjectionModel model, ExploreText text, Subscriptions subs) {
        super(8);
        setPadding(new Insets(8));
        setId("projectPanel");
        Label intro = wrapped(text.get("lab.projectIntro"));

        Label drop = new Label(text.get("lab.projectDrop"));
        drop.setWrapText(true);
        Button choose = new Button(text.get("lab.projectChoose"));
        choose.setId("projectChoose");
        choose.disableProperty().bind(model.runningProperty());
        choose.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(text.get("lab.projectChooseTitle"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("lab.imageFilter"), "*.png", "*.jpg",
                    "*.jpeg", "*.gif", "*.bmp", "*.webp", "*.tif", "*.tiff", "*.PNG", "*.JPG", "*.JPEG"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("lab.allFiles"), "*"));
            File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                model.project(f.toPath());
            }
        });
        VBox dropZone = new VBox(6, drop, choose);
        dropZone.setAlignment(Pos.CENTER);
        dropZone.setPadding(new Insets(12));
        dropZone.setStyle("-fx-border-color: #8a8a8a; -fx-border-style: dashed; -fx-border-width: 2;"
                + " -fx-border-radius: 6;");
        setOnDragOver(this::dragOver);
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                model.project(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        Spinner<Integer> steps = new Spinner<>(ProjectionModel.MIN_STEPS, ProjectionModel.MAX_STEPS,
                model.stepsProperty().get(), 50);
        steps.setId("projectSteps");
        steps.setEditable(true);
        steps.setPrefWidth(90);
        steps.valueProperty().addListener((o, a, v) -> model.stepsProperty().set(v));
        steps.disableProperty().bind(model.runningProperty());
        HBox stepsRow = new HBox(8, new Label(text.get("lab.projectSteps")), steps);
        stepsRow.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("projectProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(text.get("lab.projectCancel"));
        cancel.setId("projectCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox progressRow = new HBox(8, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        PixelView target = image("projectTarget");
        PixelView live = image("projectReconstruction");
        subs.onChange(model.targetProperty(), (o, a, f) -> target.show(f));
        subs.onChange(model.reconstructionProperty(), (o, a, f) -> live.show(f));
        target.show(model.targetProperty().get());
        live.show(model.reconstructionProperty().get());
        HBox images = new HBox(10, captioned(target, text.get("lab.projectTarget")),
                captioned(live, text.get("lab.projectReconstruction")));

        Label notes = wrapped("");
        notes.textProperty().bind(model.notesProperty());
        Label message = wrapped("");
        message.setId("projectMessage");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(intro, dropZone, stepsRow, progressRow, images, notes, message);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private static PixelView image(String id) {
        PixelView v = new PixelView();
        v.setId(id);
        v.setPrefSize(IMAGE, IMAGE);
        v.setMaxSize(IMAGE, IMAGE);
        v.setStyle("-fx-background-color: #3a3a3a;");
        return v;
    }

    private static VBox captioned(PixelView v, String caption) {
        VBox box = new VBox(4, v, new Label(caption));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
