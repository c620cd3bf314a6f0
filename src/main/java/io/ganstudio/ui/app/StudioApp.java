package io.ganstudio.ui.app;

import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.common.StudioStyle;
import io.ganstudio.ui.common.UiFonts;
import io.ganstudio.ui.data.DataViewModel;
import io.ganstudio.ui.data.DatasetSource;
import io.ganstudio.ui.model.ModelViewModel;
import io.ganstudio.ui.present.Presentation;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The studio window. It shows first and does the slow work after: the engine loads in the background, and no
 * dataset is decoded before the user asks (or the Data screen's default load starts).
 */
public class StudioApp extends Application {

    private static final Locale SYSTEM_LOCALE = Locale.getDefault();

    private final StudioPrefs prefs;
    private final Path cacheDir;
    private final boolean startEngine;
    private final boolean showSplash;
    private Splash splash;
    private Stage stage;
    private StudioContext context;
    private StudioShell shell;
    private QuitGuard quitGuard;

    public StudioApp() {
        this(StudioPrefs.user(), AppDirs.datasetCacheDir(), true, true);
    }

    /** For tests: other preferences and dataset cache, and whether to load the engine at start; no splash. */
    public StudioApp(StudioPrefs prefs, Path cacheDir, boolean startEngine) {
        this(prefs, cacheDir, startEngine, false);
    }

    /** @param showSplash whether a splash shows while the window is built (then {@link #start} returns before it) */
    public StudioApp(StudioPrefs prefs, Path cacheDir, boolean startEngine, boolean showSplash) {
        this.prefs = prefs;
        this.cacheDir = cacheDir;
        this.startEngine = startEngine;
        this.showSplash = showSplash;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Messages.use(prefs.language().locale(SYSTEM_LOCALE));
        stage.getIcons().setAll(Splash.icons());
        if (!showSplash) {
            build();
            return;
        }
        splash = new Splash();
        splash.showThen(() -> {
            try {
                build();
            } finally {
                splash.closeAfterFirstFrame();
            }
        });
    }

    /** The splash shown at start, or null without one. */
    Splash splash() {
        return splash;
    }

    /** Builds and shows the window, then starts the slow work in the background. */
    private void build() {
        BackgroundTasks tasks = BackgroundTasks.common();
        DataViewModel data = new DataViewModel(tasks, DatasetSource.LOADER, prefs, cacheDir);
        context = new StudioContext(tasks, prefs, new ModelViewModel(tasks), data, () -> stage);
        // Presentation mode as last left; the View menu's switch is remembered whenever it changes.
        Presentation.remember(prefs.presentation(), prefs::setPresentation);
        Scene scene = new Scene(buildShell(null), 1280, 820);
        scene.getStylesheets().add(StudioStyle.sheet());
        UiFonts.apply(scene, Messages.locale());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        stage.setMinWidth(980);
        stage.setMinHeight(640);
        WindowPlacement.restore(stage, prefs);
        quitGuard = new QuitGuard(() -> context.workIfMade() == null ? null : context.workIfMade().train(),
                () -> QuitDialog.ask(stage, context), () -> Platform.runLater(this::exitNow));
        stage.setOnCloseRequest(e -> {
            if (!quitGuard.mayQuitNow()) {
                e.consume();
                if (quitGuard.isSaving()) {
                    context.notifier().info(Messages.get("quit.saving.title"), Messages.get("quit.saving.text"));
                }
                return;
            }
            WindowPlacement.save(stage, prefs);
        });
        // Styles and layout of the whole window now (seconds on a slow laptop), so that it shows drawn, not blank.
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        stage.show();
        // The default data, decoded only now that the window is up (10,000 small images: a second or two).
        data.loadBuiltIn(context.model().imageSizeProperty().get());
        if (startEngine) {
            tasks.job(Messages.get("status.engineLoading"), ctx -> EngineSetup.init())
                    .onSuccess(context::engineReady)
                    .onError(e -> context.notifier().error(Messages.get("engine.failed"), String.valueOf(e.getMessage())))
                    .start();
        }
    }

    /** Rebuilds every text of the window in the chosen language; the ViewModels and so the user's work stay. */
    void setLanguage(Language language) {
        prefs.setLanguage(language);
        Messages.use(language.locale(SYSTEM_LOCALE));
        StudioShell old = shell;
        UiFonts.apply(stage.getScene(), Messages.locale());
        stage.getScene().setRoot(buildShell(old == null ? null : old.currentScreen()));
        if (old != null) {
            old.dispose(); // its views' listeners on the ViewModels, and their chart threads
        }
        stage.setTitle(Messages.get("app.name"));
    }

    private StudioShell buildShell(String screen) {
        StudioController controller = new StudioController(this, context, stage);
        shell = new StudioShell(context, StudioMenu.create(controller, prefs.language(), prefs.engine(), prefs::recentRuns),
                Screens.all(), screen);
        return shell;
    }

    /** The id of the screen on show, or null before the window is built. */
    String currentScreen() {
        return shell == null ? null : shell.currentScreen();
    }

    /** Switches the window to the screen with this id. */
    void showScreen(String id) {
        if (shell != null) {
            shell.showScreen(id);
        }
    }

    /** Window close, Run > Quit and Ctrl+Q: asks first while training (see {@link QuitGuard}). */
    void requestQuit() {
        if (quitGuard.mayQuitNow()) {
            exitNow();
        } else if (quitGuard.isSaving()) {
            context.notifier().info(Messages.get("quit.saving.title"), Messages.get("quit.saving.text"));
        }
    }

    private void exitNow() {
        WindowPlacement.save(stage, prefs);
        Platform.exit();
    }

    public StudioContext context() {
        return context;
    }

    @Override
    public void stop() {
        if (stage != null) {
            WindowPlacement.save(stage, prefs);
        }
        // Background jobs run on daemon threads: they end with the JVM, and a job still writing a file is atomic.
    }
}
