package io.ganstudio.ui.game;

import io.ganstudio.core.game.DiscriminatorGame.Side;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.jobs.GameDeal;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.fxutil.WrappingRow;
import io.ganstudio.ui.lesson.LessonText;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.present.PresentationLayout;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/**
 * "You are the discriminator": a window beside the studio showing a real and a generated image of the current run;
 * the player clicks the real one. The generator's checkpoint is chosen in the window: a later step is harder.
 */
public final class GameWindow {

    private static final double IMAGE_SIDE = 280;
    private static final double WIDTH = 860;
    private static final double HEIGHT = 650;
    /** How much larger the window is in presentation mode (its type is 20/13 larger, its images stay). */
    private static final double PRESENTING_SCALE = 1.3;

    private final LessonText text;
    private final BackgroundTasks tasks;
    private final Path cacheDir;
    private final GameViewModel vm;
    private final Stage stage = new Stage();
    private final ComboBox<Path> checkpoints = new ComboBox<>();
    private final Label status = new Label();
    private final SecureRandom random = new SecureRandom();
    private Path run;

    private GameWindow(LessonText text, BackgroundTasks tasks, Path cacheDir, Window owner) {
        this.text = text;
        this.tasks = tasks;
        this.cacheDir = cacheDir;
        this.vm = new GameViewModel(text::get);
        stage.initOwner(owner);
        stage.setTitle(text.get("game.title"));
        VBox root = build();
        Scene scene = new Scene(root);
        // The studio's look (its style sheet on the root); presentation mode's larger type in a larger window, as far as the screen goes; it follows the switch.
        PresentationLayout.followInWindow(root);
        Runnable size = () -> {
            double f = Presentation.isOn() ? PRESENTING_SCALE : 1;
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            root.setPrefSize(Math.min(WIDTH * f, screen.getWidth()), Math.min(HEIGHT * f, screen.getHeight()));
            stage.sizeToScene();
        };
        size.run();
        ChangeListener<Boolean> resize = (o, was, on) -> size.run();
        root.getProperties().put(Runnable.class, resize); // held while the window lives; the switch holds it weakly
        Presentation.onProperty().addListener(
                new WeakChangeListener<>(resize));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.getCode() == KeyCode.LEFT) {
                vm.answer(Side.LEFT);
            } else if (e.getCode() == KeyCode.RIGHT) {
                vm.answer(Side.RIGHT);
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                if (vm.finishedProperty().get()) {
                    deal();
                } else {
                    vm.next();
                }
            }
        });
        stage.setScene(scene);
    }

    /** Opens the game over the studio's window on a run (the one the Train screen shows), or null to let the player choose. */
    public static GameWindow show(BackgroundTasks tasks, Path cacheDir, Path run, Window owner) {
        GameWindow w = new GameWindow(new LessonText(Messages::locale), tasks, cacheDir, owner);
        w.useRun(run);
        w.stage.show();
        return w;
    }

    /** For screenshots and tests: the window on this run, without the studio around it. */
    public static GameWindow show(Path run, LessonText text, Path cacheDir) {
        GameWindow w = new GameWindow(text, BackgroundTasks.common(), cacheDir, null);
        w.useRun(run);
        w.stage.show();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    public GameViewModel viewModel() {
        return vm;
    }

    private VBox build() {
        Label title = new Label(text.get("game.title"));
        title.setStyle("-fx-font-size: 1.846em; -fx-font-weight: bold;");
        Label intro = new Label(text.get("game.intro"));
        intro.setWrapText(true);

        checkpoints.setId("game-checkpoint");
        checkpoints.setCellFactory(l -> new StepCell());
        checkpoints.setButtonCell(new StepCell());
        checkpoints.valueProperty().addListener((o, a, now) -> {
            if (now != null) {
                deal();
            }
        });
        Button chooseRun = new Button(text.get("game.chooseRun"));
        chooseRun.setOnAction(e -> chooseRun());
        Label harder = new Label(text.get("game.harder"));
        harder.getStyleClass().add("hint");
        harder.setWrapText(true);
        WrappingRow top = new WrappingRow(10, 6,
                new Label(text.get("game.generator")), checkpoints, chooseRun, harder);

        HBox pair = new HBox(28, side(Side.LEFT), side(Side.RIGHT));
        pair.setAlignment(Pos.CENTER);

        Label feedback = new Label();
        feedback.setId("game-feedback");
        feedback.setWrapText(true);
        feedback.setStyle("-fx-font-size: 1.385em;");
        feedback.textProperty().bind(vm.feedbackProperty());
        Label score = new Label();
        score.setId("game-score");
        score.setStyle("-fx-font-size: 1.154em;");
        score.textProperty().bind(vm.scoreProperty());
        Button next = new Button(text.get("game.next"));
        next.setId("game-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.revealedProperty().not().or(vm.finishedProperty()));
        next.setOnAction(e -> vm.next());
        Button again = new Button(text.get("game.again"));
        again.setId("game-again");
        again.disableProperty().bind(checkpoints.valueProperty().isNull());
        again.setOnAction(e -> deal());
        Button close = new Button(text.get("game.close"));
        close.setId("game-close");
        close.setCancelButton(true); // Esc
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(12, score, spacer(), next, again, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        status.setId("game-status");

        VBox root = new VBox(14, title, intro, top, status, pair, feedback, bottom);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("game-window");
        return root;
    }

    private VBox side(Side s) {
        PixelView view = new PixelView();
        view.setPrefSize(IMAGE_SIDE, IMAGE_SIDE);
        view.setMinSize(IMAGE_SIDE, IMAGE_SIDE);
        (s == Side.LEFT ? vm.leftProperty() : vm.rightProperty()).addListener((o, a, f) -> view.show(f));
        StackPane frame = new StackPane(view);
        frame.setPadding(new Insets(6));
        frame.setOnMouseClicked(e -> vm.answer(s));
        Label tag = new Label();
        tag.setStyle("-fx-font-size: 1.231em; -fx-font-weight: bold;");
        Runnable paint = () -> {
            Side real = vm.realSideProperty().get();
            if (real == null) {
                frame.setStyle("-fx-border-color: #9aa4b1; -fx-border-width: 3; -fx-border-radius: 6;");
                tag.setText(" ");
            } else {
                boolean isReal = real == s;
                boolean chosen = vm.game() != null && vm.game().lastAnswer() == s;
                String colour = isReal ? "#1f9d55" : chosen ? "#d1495b" : "#9aa4b1";
                frame.setStyle("-fx-border-color: " + colour + "; -fx-border-width: 5; -fx-border-radius: 6;");
                tag.setText(text.get(isReal ? "game.tag.real" : "game.tag.fake"));
                tag.setStyle("-fx-font-size: 1.231em; -fx-font-weight: bold; -fx-text-fill: " + colour + ";");
            }
        };
        vm.realSideProperty().addListener((o, a, b) -> paint.run());
        vm.revealedProperty().addListener((o, a, b) -> paint.run());
        paint.run();
        Button pick = new Button(text.get(s == Side.LEFT ? "game.realLeft" : "game.realRight"));
        pick.setId(s == Side.LEFT ? "game-left" : "game-right");
        pick.disableProperty().bind(vm.revealedProperty().or(vm.playingProperty().not()));
        pick.setOnAction(e -> vm.answer(s));
        VBox box = new VBox(8, frame, tag, pick);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void chooseRun() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.get("game.chooseRun"));
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            useRun(dir.toPath());
        }
    }

    private void useRun(Path dir) {
        run = dir;
        checkpoints.getItems().clear();
        if (dir == null || !RunFolder.isRunFolder(dir)) {
            status.setText(text.get("game.noRun"));
            return;
        }
        List<Path> all = Checkpoints.list(dir.resolve(RunFolder.CHECKPOINTS));
        if (all.isEmpty()) {
            status.setText(text.get("game.noCheckpoint"));
            return;
        }
        status.setText(text.format("game.run", dir.getFileName()));
        checkpoints.getItems().setAll(all);
        checkpoints.setValue(all.get(all.size() - 1)); // deals
    }

    private void deal() {
        Path checkpoint = checkpoints.getValue();
        if (checkpoint == null) {
            return;
        }
        status.setText(text.get("game.loading"));
        long seed = random.nextLong();
        tasks.run(text.get("game.loading"), () -> GameDeal.deal(checkpoint, seed, cacheDir), d -> {
            if (checkpoint.equals(checkpoints.getValue())) {
                status.setText(text.format("game.run", run.getFileName()));
                vm.start(d);
            }
        }, e -> status.setText(text.format("game.failed", ErrorText.of(e, text.locale()))));
    }

    private final class StepCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.format("game.checkpoint",
                    String.format(Locale.ROOT, "%,d", Checkpoints.stepOf(item))));
        }
    }
}
