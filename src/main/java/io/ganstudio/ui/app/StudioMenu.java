package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.Messages;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Run, View and Help menus. */
public final class StudioMenu {

    private StudioMenu() {
    }

    public static MenuBar create(StudioActions actions, Language language, EngineChoice engine,
                                 Supplier<List<String>> recentRuns) {
        MenuBar bar = new MenuBar(run(actions, recentRuns), view(actions, language, engine), help(actions));
        bar.setId("menu-bar");
        return bar;
    }

    private static Menu run(StudioActions actions, Supplier<List<String>> recentRuns) {
        MenuItem newRun = item("menu.run.new", actions::newRun);
        newRun.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        MenuItem open = item("menu.run.open", actions::chooseRun);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        Menu recent = new Menu(Messages.get("menu.run.recent"));
        recent.setId("menu-recent");
        // Filled each time it opens, so a run opened a moment ago is listed.
        Runnable fill = () -> {
            List<String> runs = recentRuns.get();
            recent.getItems().clear();
            if (runs.isEmpty()) {
                MenuItem none = new MenuItem(Messages.get("menu.run.recent.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
            for (String r : runs) {
                MenuItem i = new MenuItem(r);
                i.setMnemonicParsing(false);
                i.setOnAction(e -> actions.openRun(Path.of(r)));
                recent.getItems().add(i);
            }
        };
        fill.run();
        recent.setOnShowing(e -> fill.run());
        MenuItem quit = item("menu.run.quit", actions::quit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        MenuItem openLesson = item("menu.run.openLesson", actions::openLesson);
        openLesson.setId("menu-open-lesson");
        MenuItem saveLesson = item("menu.run.saveLesson", actions::saveLesson);
        saveLesson.setId("menu-save-lesson");
        MenuItem game = item("menu.run.game", actions::discriminatorGame);
        game.setId("menu-game");
        game.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        Menu m = new Menu(Messages.get("menu.run"), null, newRun, open, recent, new SeparatorMenuItem(), openLesson,
                saveLesson, game, new SeparatorMenuItem(), quit);
        m.setId("menu-run");
        return m;
    }

    private static Menu view(StudioActions actions, Language current, EngineChoice currentEngine) {
        Menu language = new Menu(Messages.get("menu.view.language"));
        language.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        for (Language l : Language.values()) {
            RadioMenuItem i = new RadioMenuItem(Messages.get(l.labelKey()));
            i.setId("language-" + l.name());
            i.setToggleGroup(group);
            i.setSelected(l == current);
            i.setOnAction(e -> actions.setLanguage(l));
            language.getItems().add(i);
        }
        Menu engine = new Menu(Messages.get("menu.view.engine"));
        engine.setId("menu-engine");
        ToggleGroup engines = new ToggleGroup();
        for (EngineChoice c : EngineChoice.values()) {
            RadioMenuItem i = new RadioMenuItem(Messages.get("menu.view.engine." + c.id()));
            i.setId("engine-" + c.id());
            i.setToggleGroup(engines);
            i.setSelected(c == currentEngine);
            i.setOnAction(e -> actions.setEngine(c));
            engine.getItems().add(i);
        }
        MenuItem nextStart = new MenuItem(Messages.get("menu.view.engine.nextStart"));
        nextStart.setId("engine-next-start");
        nextStart.setDisable(true);
        engine.getItems().addAll(new SeparatorMenuItem(), nextStart);
        // Language last: the pointer's way into its submenu then crosses no other submenu.
        Menu m = new Menu(Messages.get("menu.view"), null, PresentationMenu.item(), new SeparatorMenuItem(), engine,
                language);
        m.setId("menu-view");
        return m;
    }

    private static Menu help(StudioActions actions) {
        MenuItem explain = item("menu.help.explain", actions::explainScreen);
        explain.setId("menu-help-explain");
        explain.setAccelerator(KeyCombination.keyCombination("F1"));
        MenuItem about = item("menu.help.about", actions::about);
        about.setId("menu-help-about");
        Menu m = new Menu(Messages.get("menu.help"), null, explain, new SeparatorMenuItem(), about);
        m.setId("menu-help");
        return m;
    }

    private static MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(key));
        i.setOnAction(e -> action.run());
        return i;
    }
}
