package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.prefs.Preferences;

import static io.ganstudio.ui.app.FxTesting.onFx;
import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At start a splash with the icon, the name and "Starting the engine…" (in the user's language) gives way to the window. */
class SplashUiTest {

    @TempDir
    Path cache;
    private final Preferences node = Preferences.userRoot().node("io/ganstudio/ui-test-splash-" + System.nanoTime());
    private Stage stage;

    @AfterEach
    void clean() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        node.removeNode();
        Messages.use(Locale.ENGLISH);
    }

    private StudioApp startIn(Language language) throws Exception {
        FxTesting.startPlatform();
        StudioPrefs prefs = new StudioPrefs(node);
        prefs.setLanguage(language);
        StudioApp app = new StudioApp(prefs, cache, false, true);
        onFx(() -> {
            stage = new Stage();
            app.start(stage);
            return null;
        });
        return app;
    }

    private static String startingText(Splash splash) {
        return ((Label) splash.stage().getScene().lookup("#splash-starting")).getText();
    }

    @Test
    void theSplashShowsUntilTheWindowIsReadyThenGoes() throws Exception {
        StudioApp app = startIn(Language.ENGLISH);
        Splash splash = onFx(app::splash);
        assertNotNull(splash);
        assertEquals("Starting the engine\u2026", onFx(() -> startingText(splash)));
        Node icon = onFx(() -> splash.stage().getScene().getRoot().getChildrenUnmodifiable().get(0));
        assertTrue(icon instanceof ImageView && ((ImageView) icon).getImage().getWidth() == 128, "the icon");
        waitFor(Duration.ofSeconds(30), () -> stage.isShowing() && stage.getScene() != null
                && stage.getScene().lookup("#nav-train") != null && !splash.stage().isShowing());
        assertTrue(onFx(splash::wasShown), "the splash was on screen before the window");
        assertFalse(onFx(() -> stage.getIcons().isEmpty()), "the window has the studio's icon");
        assertEquals(5, (int) onFx(() -> stage.getIcons().size()));
    }

    @Test
    void theSplashSpeaksTheUsersLanguage() throws Exception {
        StudioApp app = startIn(Language.JAPANESE);
        Splash splash = onFx(app::splash);
        assertEquals("エンジンを起動しています\u2026", onFx(() -> startingText(splash)));
        waitFor(Duration.ofSeconds(30), () -> stage.isShowing() && !splash.stage().isShowing());
    }
}
