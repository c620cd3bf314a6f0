package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.explain.ScreenFrame;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.ViewLifecycle;
import io.ganstudio.ui.present.Presentation;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The window's content: menu on top, screen navigation on the left, the current screen, the status bar. */
public final class StudioShell extends BorderPane implements Disposable {

    private final StudioContext context;
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private String current;

    public StudioShell(StudioContext context, MenuBar menu, List<Screen> screens, String initialScreen) {
        this.context = context;
        getStyleClass().add("studio-shell");
        setTop(menu);
        setLeft(sidebar(screens));
        content.getStyleClass().add("content");
        setCenter(content);
        setBottom(new StudioStatusBar(context));
        Screen first = screens.stream().filter(s -> s.id().equals(initialScreen)).findFirst().orElse(screens.get(0));
        show(first);
        presenting(Presentation.isOn());
        Presentation.onProperty().addListener(presentation);
    }

    private final ChangeListener<Boolean> presentation = (o, a, on) -> presenting(on);

    /** Presentation mode: the style class that makes every text of the window larger (studio.css). */
    private void presenting(boolean on) {
        getStyleClass().remove(Presentation.STYLE_CLASS);
        if (on) {
            getStyleClass().add(Presentation.STYLE_CLASS);
        }
    }

    /**
     * Gives back what every screen built so far holds (listeners on the ViewModels, chart threads), shown or not:
     * called when a language switch replaces this shell, whose ViewModels live on.
     */
    @Override
    public void dispose() {
        Presentation.onProperty().removeListener(presentation);
        built.values().forEach(ViewLifecycle::disposeTree);
        ViewLifecycle.disposeTree(getBottom());
        built.clear();
        // JavaFX itself may keep the replaced shell a while (its menu's accelerators): let it hold no screen.
        content.getChildren().clear();
    }

    /** The id of the screen on display. */
    public String currentScreen() {
        return current;
    }

    private VBox sidebar(List<Screen> screens) {
        Label brand = new Label(Messages.get("app.name"));
        brand.getStyleClass().add("brand");
        VBox bar = new VBox(4, brand);
        bar.getStyleClass().add("sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Screen s : screens) {
            ToggleButton b = new ToggleButton(s.glyph() + "  " + Messages.get(s.titleKey()));
            b.setId("nav-" + s.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> show(s));
            buttons.put(s.id(), b);
            bar.getChildren().add(b);
        }
        // A selected navigation button stays selected when clicked again.
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        bar.getChildren().add(spacer);
        return bar;
    }

    /** Switches to the screen with this id (e.g. "train" after a lesson is opened); unknown ids are ignored. */
    public void showScreen(String id) {
        Screens.all().stream().filter(s -> s.id().equals(id) && buttons.containsKey(id))
                .findFirst().ifPresent(this::show);
    }

    /**
     * A screen fills the window; where the window is smaller than the screen's smallest layout (presentation mode's
     * large text on a 1280x800 projector) it scrolls, instead of pushing the status bar out of the window.
     */
    private static ScrollPane scrolling(ScreenFrame frame) {
        ScrollPane scroll = new ScrollPane(frame);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("plain-scroll", "screen-scroll");
        return scroll;
    }

    private void show(Screen s) {
        Node view = built.computeIfAbsent(s.id(), id -> scrolling(new ScreenFrame(s, s.view().apply(context),
                context.explanations())));
        content.getChildren().setAll(view);
        buttons.get(s.id()).setSelected(true);
        current = s.id();
    }
}
