package io.ganstudio.ui.harness;

import io.ganstudio.ui.explore.ExploreView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Locale;

/** The Explore screen with a sample picked and its nearest training images shown: {@code RUN_DIR [ja]}. */
public final class NearestShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Locale locale = args.length > 1 && args[1].equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
        Path run = Path.of(args[0]);
        ExploreView[] view = new ExploreView[1];
        Platform.startup(() -> {
            view[0] = new ExploreView(() -> run, locale);
            view[0].open(run);
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0], 1300, 760));
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        Thread.sleep(8000);
        Platform.runLater(() -> view[0].viewModel().pick(3));
        Thread.sleep(3000);
        Platform.runLater(() -> ((ButtonBase) view[0].lookup("#nearest")).fire());
    }
}
