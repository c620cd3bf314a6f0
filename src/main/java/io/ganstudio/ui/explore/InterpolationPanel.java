package io.ganstudio.ui.explore;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.image.GifWriter;
import io.ganstudio.core.run.OutputCheck;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.common.Tips;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Explore's interpolation controls: keyframes A and B from the point on show, slerp or lerp, the number of frames, a
 * scrub slider with Play, and Save GIF. The state is {@link InterpolationModel}'s.
 */
final class InterpolationPanel extends VBox {

    static final int GIF_DELAY_MS = 40;

    private final ExploreViewModel vm;
    private final ExploreText text;
    private final Subscriptions subs;
    private final Consumer<String> status;
    private final Function<String, File> files;
    private final Timeline player;

    /**
     * @param status shows what saving did
     * @param files  asks where to save the GIF, offering the given name; null when the person cancels
     */
    InterpolationPanel(ExploreViewModel vm, ExploreText text, Subscriptions subs, Consumer<String> status,
                       Function<String, File> files) {
        super(8);
        this.vm = vm;
        this.text = text;
        this.subs = subs;
        this.status = status;
        this.files = files;
        player = new Timeline(new KeyFrame(Duration.millis(GIF_DELAY_MS), e -> vm.interpolation().advance()));
        player.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(controls());
    }

    /** Stops playing (a generator is opened, the view leaves the window). */
    void stop() {
        player.stop();
    }

    private List<Node> controls() {
        Label heading = new Label(text.get("label.interpolation"));
        heading.setStyle("-fx-font-weight: bold;");
        Label a = new Label();
        InterpolationModel walk = vm.interpolation();
        a.textProperty().bind(Bindings.createStringBinding(() -> keyLabel("a", walk.keyALabelProperty().get()),
                walk.keyALabelProperty()));
        Label b = new Label();
        b.textProperty().bind(Bindings.createStringBinding(() -> keyLabel("b", walk.keyBLabelProperty().get()),
                walk.keyBLabelProperty()));
        a.setMinWidth(130);
        b.setMinWidth(130);
        Button setA = new Button(text.get("button.setA"));
        setA.setId("setA");
        setA.setOnAction(e -> vm.setKeyA());
        Button setB = new Button(text.get("button.setB"));
        setB.setId("setB");
        setB.setOnAction(e -> vm.setKeyB());
        HBox rowA = new HBox(8, a, setA);
        HBox rowB = new HBox(8, b, setB);
        rowA.setAlignment(Pos.CENTER_LEFT);
        rowB.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup kind = new ToggleGroup();
        RadioButton lerp = new RadioButton(text.get("label.lerp"));
        RadioButton slerp = new RadioButton(text.get("label.slerp"));
        lerp.setToggleGroup(kind);
        slerp.setToggleGroup(kind);
        slerp.setSelected(vm.interpolation().slerpProperty().get());
        lerp.setSelected(!vm.interpolation().slerpProperty().get());
        slerp.selectedProperty().bindBidirectional(vm.interpolation().slerpProperty());
        slerp.setTooltip(Tips.of(text.get("tooltip.slerp")));
        Spinner<Integer> frames = new Spinner<>(2, 600, vm.interpolation().framesProperty().get(), 4);
        frames.setPrefWidth(80);
        frames.setEditable(true);
        frames.valueProperty().addListener((o, x, v) -> vm.interpolation().framesProperty().set(v));
        WrappingRow kindRow = new WrappingRow(12, 4, lerp, slerp, new Label(text.get("label.frames")), frames);

        Slider position = new Slider(0, 1, 0);
        position.setId("position");
        position.valueProperty().bindBidirectional(vm.interpolation().tProperty());
        LatentSliderControls.watchFocus(vm, position);
        HBox.setHgrow(position, Priority.ALWAYS);
        ToggleButton play = new ToggleButton(text.get("button.play"));
        play.setId("play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.selectedProperty().addListener((o, was, on) -> {
            play.setText(text.get(on ? "button.pause" : "button.play"));
            if (on) {
                player.play();
            } else {
                player.stop();
            }
        });
        subs.onChange(vm.sourceProperty(), (o, x, s) -> play.setSelected(false));
        HBox scrubRow = new HBox(8, play, position);
        scrubRow.setAlignment(Pos.CENTER_LEFT);
        Button gif = new Button(text.get("button.saveGif"));
        gif.setId("saveGif");
        gif.setOnAction(e -> saveGif());
        return List.of(heading, rowA, rowB, kindRow, scrubRow, gif);
    }

    /** "A: seed 12" for a seed, "A: bag" for a point from the lab. */
    private String keyLabel(String key, String label) {
        return text.format(label.matches("-?\\d+\\*?") ? "label." + key : "lab." + key, label);
    }

    private void saveGif() {
        ImageSource s = vm.sourceProperty().get();
        List<float[]> walk = vm.walk();
        File file = files.apply("walk-" + vm.interpolation().keyALabelProperty().get() + "-"
                + vm.interpolation().keyBLabelProperty().get() + ".gif");
        if (s == null || walk.isEmpty() || file == null) {
            return;
        }
        int size = s.imageSize();
        int scale = Math.max(1, Math.min(8, 256 / size));
        // Render on the generator's thread; encode on a background thread once the frames are back.
        s.renderBatch(walk).whenComplete((frames, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.accept(text.format("error.save", ErrorText.of(e, text.locale())));
                return;
            }
            BackgroundTasks.common().run(text.get("dialog.saveGif"), () -> {
                OutputCheck.requireChosen(file.toPath(),
                        OutputCheck.Kind.GIF);
                GifWriter.write(file.toPath(), frames, size, size, GIF_DELAY_MS, scale);
                return file;
            }, done -> status.accept(text.format("done.saved", done)), err -> status.accept(text.format(
                    "error.save", FileErrors.text(err))));
        }));
    }
}
