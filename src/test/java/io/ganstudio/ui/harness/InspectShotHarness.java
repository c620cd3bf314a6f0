package io.ganstudio.ui.harness;

import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.inspect.InspectViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;

/**
 * The studio at 1280x800 with the Inspect screen in front, a run with a fitted encoder open and a folder inspected,
 * the top image selected; writes a PNG of the window: {@code en|ja RUN_DIR FOLDER OUT.png}. Run under Xvfb.
 */
public final class InspectShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Preferences node = Preferences.userRoot().node("ganstudio-inspect-shot-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(args[0].equals("ja") ? Language.JAPANESE : Language.ENGLISH);
        Path cache = Files.createTempDirectory("shot-cache");
        CompletableFuture<StudioApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            StudioApp app = new StudioApp(prefs, cache, true);
            Stage stage = new Stage();
            app.start(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.setX(0);
            stage.setY(0);
            ((ButtonBase) stage.getScene().lookup("#nav-inspect")).fire();
            started.complete(app);
        });
        StudioApp app = started.get(60, TimeUnit.SECONDS);
        InspectViewModel vm = InspectViewModel.of(app.context(), null, null, null);
        Platform.runLater(() -> vm.openRun(Path.of(args[1])));
        waitFor(() -> vm.hasEncoderProperty().get() && vm.stateProperty().get() != InspectViewModel.State.BUSY);
        Platform.runLater(() -> vm.inspect(Path.of(args[2])));
        waitFor(() -> !vm.rows().isEmpty() && vm.stateProperty().get() != InspectViewModel.State.BUSY);
        Platform.runLater(() -> {
            Stage s = (Stage) Window.getWindows().get(0);
            ((TableView<?>) s.getScene().lookup("#inspectTable")).getSelectionModel().select(0);
        });
        waitFor(() -> vm.detailProperty().get() != null && vm.stateProperty().get() != InspectViewModel.State.BUSY);
        Thread.sleep(1500);
        CompletableFuture<Void> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage s = (Stage) Window.getWindows().get(0);
                WritableImage img = s.getScene().snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of(args[3]).toFile());
                shot.complete(null);
            } catch (Exception e) {
                shot.completeExceptionally(e);
            }
        });
        shot.get(30, TimeUnit.SECONDS);
        System.out.println("status: " + vm.statusProperty().get());
        System.exit(0);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
    }
}
