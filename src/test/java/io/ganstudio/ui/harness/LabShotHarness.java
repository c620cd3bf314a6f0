package io.ganstudio.ui.harness;

import io.ganstudio.ui.app.StudioApp;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.StudioPrefs;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.ExploreViewModel;
import io.ganstudio.ui.explore.GeneratorOpener;
import io.ganstudio.ui.explore.LabModel;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The Explore screen's latent lab at 1280x800, for screenshots: {@code en|ja RUN_DIR project IMAGE},
 * {@code en|ja RUN_DIR arithmetic A1,A2,A3 B1,B2,B3 C1,C2,C3} (bookmark names) or {@code en|ja RUN_DIR bookmarks [WALK.gif]}
 * (bookmarks 1, 4 and 7 selected; with a file, their looping walk is exported there).
 * Prints READY when the screen is ready to be captured.
 */
public final class LabShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Preferences node = Preferences.userRoot().node("ganstudio-lab-shot-harness");
        node.clear();
        StudioPrefs prefs = new StudioPrefs(node);
        boolean ja = args[0].equals("ja");
        prefs.setLanguage(ja ? Language.JAPANESE : Language.ENGLISH);
        Path run = Path.of(args[1]);
        String tab = args[2];
        Path cache = Files.createTempDirectory("shot-cache");
        ExploreViewModel[] vm = new ExploreViewModel[1];
        Stage[] stage = new Stage[1];
        Platform.startup(() -> {
            StudioApp app = new StudioApp(prefs, cache, true);
            stage[0] = new Stage();
            app.start(stage[0]);
            stage[0].setWidth(1280);
            stage[0].setHeight(800);
            stage[0].setX(0);
            stage[0].setY(0);
            ((ButtonBase) stage[0].getScene().lookup("#nav-explore")).fire();
            vm[0] = app.context().work().explore();
            BackgroundTasks.common().run("open", () -> GeneratorOpener.open(run),
                    o -> vm[0].open(o.source(), run, o.name()), Throwable::printStackTrace);
        });
        await(() -> vm[0] != null && vm[0].sliders().directionsReadyProperty().get() && vm[0].imageProperty().get() != null);
        LabModel lab = fx(() -> LabModel.of(vm[0], new ExploreText(ja ? Locale.JAPANESE : Locale.ENGLISH)));
        fx(() -> {
            TabPane tabs = (TabPane) stage[0].getScene().lookup("#labTabs");
            tabs.getSelectionModel().select(List.of("edit", "project", "arithmetic", "bookmarks").indexOf(tab));
            return null;
        });
        switch (tab) {
            case "project" -> {
                fx(() -> {
                    lab.projection().project(Path.of(args[3]));
                    return null;
                });
                await(() -> lab.projection().foundProperty().get() != null);
            }
            case "arithmetic" -> {
                fx(() -> {
                    for (int k = 0; k < 3; k++) {
                        for (String name : args[3 + k].split(",")) {
                            var item = lab.bookmarks().items().stream().filter(i -> i.name().equals(name))
                                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no bookmark "
                                            + name));
                            lab.arithmetic().add(k, name, item.bookmark().z());
                        }
                    }
                    lab.arithmetic().compute();
                    return null;
                });
                await(() -> lab.arithmetic().resultProperty().get() != null);
                Thread.sleep(500);
                fx(() -> {
                    lab.arithmetic().show(3);
                    TabPane tabs = (TabPane) stage[0].getScene().lookup("#labTabs");
                    ((ScrollPane) tabs.getSelectionModel().getSelectedItem().getContent())
                            .setVvalue(1); // the results are below the examples
                    return null;
                });
            }
            case "bookmarks" -> {
                await(() -> !lab.bookmarks().items().isEmpty() && lab.bookmarks().items().get(0).thumbnail() != null);
                fx(() -> {
                    ListView<?> list = (ListView<?>) stage[0].getScene().lookup("#bookmarkList");
                    list.getSelectionModel().selectIndices(0, 3, 6);
                    lab.bookmarks().show(lab.bookmarks().items().get(0).name());
                    if (args.length > 3) {
                        var items = lab.bookmarks().items();
                        lab.bookmarks().walkFramesProperty().set(12);
                        lab.bookmarks().export(List.of(items.get(0).name(), items.get(3).name(), items.get(6).name()),
                                Path.of(args[3]), true);
                    }
                    return null;
                });
                await(() -> !lab.bookmarks().exportingProperty().get());
            }
            default -> { }
        }
        Thread.sleep(1500);
        System.out.println("READY");
    }

    private static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }
}
