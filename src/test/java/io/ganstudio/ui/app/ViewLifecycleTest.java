package io.ganstudio.ui.app;

import io.ganstudio.core.text.Phrase;
import io.ganstudio.session.SessionEvent;
import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.train.TrainView;
import io.ganstudio.ui.train.TrainingCharts;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ganstudio.ui.app.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A language switch replaces every view; the replaced ones must give back what they hold (listeners on the
 * ViewModels, chart threads) and become garbage. And notifications appear whichever screen shows.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifecycleTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> { });
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
    }

    /** Shows every screen and returns weak references to the views shown. */
    private static List<WeakReference<Node>> visitEveryScreen(FxRobot robot) {
        List<WeakReference<Node>> seen = new ArrayList<>();
        for (String id : List.of("#nav-model", "#nav-train", "#nav-explore", "#nav-inspect", "#nav-playground", "#nav-data")) {
            robot.clickOn(id);
            robot.lookup(".screen").queryAll().forEach(n -> seen.add(new WeakReference<>(n)));
        }
        return seen;
    }

    private static long chartThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> (t.getName().equals("chart-drawing") || t.getName().equals("quality-chart")) && t.isAlive())
                .count();
    }

    @Test
    void languageSwitchesLeaveNoListenersChartThreadsOrViewsBehind(FxRobot robot) throws Exception {
        List<WeakReference<Node>> replaced = new ArrayList<>(visitEveryScreen(robot));
        int listeners = Subscriptions.live();
        int charts = TrainingCharts.live();
        long threads = chartThreads();
        for (int i = 0; i < 4; i++) {
            Language next = i % 2 == 0 ? Language.JAPANESE : Language.ENGLISH;
            robot.interact(() -> app.setLanguage(next));
            List<WeakReference<Node>> shown = visitEveryScreen(robot);
            assertEquals(listeners, Subscriptions.live(), "listeners on the ViewModels after switch " + (i + 1));
            assertEquals(charts, TrainingCharts.live(), "charts after switch " + (i + 1));
            waitFor(Duration.ofSeconds(5), () -> chartThreads() <= threads);
            assertEquals(threads, chartThreads(), "chart-drawing threads after switch " + (i + 1));
            if (i < 3) {
                replaced.addAll(shown);
            }
        }
        assertTrue(charts >= 1 && listeners > 10, "the counts measured something: " + charts
                + " charts, " + listeners + " listeners, " + threads + " threads");
        // The replaced views are garbage now: nothing long-lived refers to them.
        for (int attempt = 0; attempt < 20 && replaced.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            robot.sleep(50);
        }
        List<String> alive = replaced.stream().map(WeakReference::get).filter(n -> n != null)
                .map(n -> n.getClass().getSimpleName()).toList();
        assertEquals(List.of(), alive, "replaced views still reachable (of " + replaced.size() + ")");
    }

    @Test
    void aFailureIsNotifiedWhileAnotherScreenShows(FxRobot robot) throws Exception {
        robot.clickOn("#nav-train");
        robot.clickOn("#nav-data");
        app.context().work().train().pump().accept(new SessionEvent.Failed(Phrase.verbatim("the disk is full"),
                Phrase.verbatim("free some space")));
        waitFor(Duration.ofSeconds(5), () -> robot.lookup(".notification-bar").queryAll().stream()
                .anyMatch(Node::isVisible));
        assertTrue(Window.getWindows().size() > 1, "the notification's popup window");
        assertTrue(app.context().work().train().failureProperty().get() != null, "applied at once");
    }
}
