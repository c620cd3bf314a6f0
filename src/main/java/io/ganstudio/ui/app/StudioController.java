package io.ganstudio.ui.app;

import io.ganstudio.core.engine.BuildVersion;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.game.GameWindow;
import io.ganstudio.ui.lesson.LessonText;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Carries out the menu's commands. */
final class StudioController implements StudioActions {

    private final StudioApp app;
    private final StudioContext ctx;
    private final Stage stage;

    StudioController(StudioApp app, StudioContext ctx, Stage stage) {
        this.app = app;
        this.ctx = ctx;
        this.stage = stage;
    }

    @Override
    public void newRun() {
        ctx.setRunFolder(null);
        ctx.model().applyPreset(ModelPreset.CLASSROOM_28);
        ctx.data().loadBuiltIn(ModelPreset.CLASSROOM_28.model(1).imageSize());
    }

    @Override
    public void chooseRun() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("menu.run.open.title"));
        ctx.prefs().recentRuns().stream().map(Path::of).map(Path::getParent)
                .filter(p -> p != null && Files.isDirectory(p)).findFirst()
                .ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            openRun(dir.toPath());
        }
    }

    @Override
    public void openRun(Path dir) {
        ctx.tasks().job(Messages.get("run.opening"), c -> RunFolder.open(dir).config())
                .onSuccess(config -> opened(dir, config))
                .onError(e -> ctx.notifier().error(Messages.get("run.openFailed"), String.valueOf(e.getMessage())))
                .start();
    }

    private void opened(Path dir, GanConfig config) {
        ctx.prefs().addRecentRun(dir.toAbsolutePath().toString());
        ctx.setRunFolder(dir);
        ctx.model().fill(config.model(), config.train());
        if (config.data() != null) {
            ctx.data().load(config.data(), config.model().imageSize());
        }
        ctx.notifier().info(Messages.get("run.opened"), dir.getFileName().toString());
    }

    private LessonActions lessons() {
        return new LessonActions(ctx, ctx.lesson(),
                new LessonText(Messages::locale), ctx.runsRoot(), dir -> {
                    ctx.prefs().addRecentRun(dir.toAbsolutePath().toString());
                    ctx.setRunFolder(dir);
                }, () -> app.showScreen(Screens.TRAIN.id()));
    }

    @Override
    public void openLesson() {
        lessons().chooseAndOpen();
    }

    @Override
    public void saveLesson() {
        lessons().chooseAndSave();
    }

    @Override
    public void discriminatorGame() {
        GameWindow.show(ctx.tasks(), ctx.data().cacheDir(),
                ctx.workIfMade() == null ? null : ctx.workIfMade().currentRun(), stage);
    }

    @Override
    public void setLanguage(Language language) {
        app.setLanguage(language);
    }

    @Override
    public void setEngine(EngineChoice engine) {
        ctx.prefs().setEngine(engine);
        ctx.notifier().info(Messages.format("engine.chosen.title", Messages.get("menu.view.engine." + engine.id())),
                Messages.get("engine.chosen.text"));
    }

    @Override
    public void explainScreen() {
        String id = app.currentScreen();
        Screens.all().stream().filter(s -> s.id().equals(id)).findFirst()
                .ifPresent(s -> ctx.explanations().toggle(s));
    }

    @Override
    public void about() {
        // Own button: JavaFX's stock ones follow the JVM's language, not the studio's.
        Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("about.text"),
                new ButtonType(Messages.get("about.close"), ButtonBar.ButtonData.OK_DONE));
        a.initOwner(stage);
        a.setTitle(Messages.get("menu.help.about"));
        a.setHeaderText(aboutHeader());
        PresentationLayout.followInDialog(a, Messages.locale());
        a.showAndWait();
    }

    /** "GAN Studio 0.1.0": the version the build stamped, as --version says it. */
    static String aboutHeader() {
        return Messages.format("about.version", Messages.get("app.name"), BuildVersion.version());
    }

    @Override
    public void quit() {
        app.requestQuit();
    }

}
