package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioStyle;
import io.ganstudio.ui.common.UiFonts;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The small window with the studio's icon, name and "Starting the engine…" that shows while the main window is built
 * (seconds on a slow laptop, when the window would otherwise stand there black).
 */
final class Splash {

    private static final int[] ICON_SIZES = {16, 32, 48, 128, 256};
    /** Frames to let pass: the first pulses lay out and draw; the window system shows the result a little later. */
    private static final int FRAMES = 6;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private boolean shown;

    Splash() {
        ImageView icon = new ImageView(icon(128));
        Label name = new Label(Messages.get("app.name"));
        name.getStyleClass().add("splash-name");
        Label starting = new Label(Messages.get("splash.starting"));
        starting.setId("splash-starting");
        starting.getStyleClass().add("splash-text");
        VBox box = new VBox(14, icon, name, starting);
        box.setId("splash");
        box.getStyleClass().add("splash");
        box.setAlignment(Pos.CENTER);
        Scene scene = new Scene(box, 360, 300);
        scene.getStylesheets().add(StudioStyle.sheet());
        UiFonts.apply(scene, Messages.locale());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        stage.getIcons().setAll(icons());
        stage.setOnShown(e -> shown = true);
    }

    /** The studio's icon in the sizes window managers pick from. */
    static List<Image> icons() {
        List<Image> list = new ArrayList<>();
        for (int size : ICON_SIZES) {
            list.add(icon(size));
        }
        return list;
    }

    private static Image icon(int size) {
        InputStream in = Objects.requireNonNull(Messages.class.getResourceAsStream("icon-" + size + ".png"),
                "icon-" + size + ".png is missing from the build");
        return new Image(in);
    }

    /** Shows the splash, then runs {@code next} once it has been drawn (a few frames later). */
    void showThen(Runnable next) {
        stage.centerOnScreen();
        stage.show();
        afterFrames(next);
    }

    /** Closes the splash once the main window has drawn its first frames. */
    void closeAfterFirstFrame() {
        stage.toFront(); // over the main window until that has drawn itself
        afterFrames(stage::close);
    }

    private static void afterFrames(Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == FRAMES) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    Stage stage() {
        return stage;
    }

    /** True once the splash was on screen. */
    boolean wasShown() {
        return shown;
    }
}
