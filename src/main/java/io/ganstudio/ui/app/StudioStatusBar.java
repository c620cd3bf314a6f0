package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.ui.common.Format;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/** Current background job with its progress on the left; JVM memory and the engine on the right. */
final class StudioStatusBar extends StatusBar implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private final Label memory = new Label();
    private final Label engine = new Label();

    StudioStatusBar(StudioContext ctx) {
        setId("status-bar");
        engine.setId("status-engine");
        memory.setId("status-memory");
        getRightItems().addAll(memory, new Separator(Orientation.VERTICAL), engine);
        showEngine(ctx.engineProperty().get());
        subs.onChange(ctx.engineProperty(), (o, a, r) -> showEngine(r));
        showTask(ctx.tasks().latestProperty().get());
        subs.onChange(ctx.tasks().latestProperty(), (o, a, t) -> showTask(t));
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(2), e -> showMemory()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        showMemory();
        // Stop polling when this bar leaves the scene (a language switch builds a new one).
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                tick.stop();
            }
        });
    }

    private void showEngine(EngineReport r) {
        engine.setText(r == null ? Messages.get("status.engineLoading")
                : Messages.format("status.engine", r.engine() + " " + r.version(), r.threads()));
    }

    private void showTask(Task<?> t) {
        textProperty().unbind();
        progressProperty().unbind();
        if (t == null) {
            setText(Messages.get("status.ready"));
            setProgress(0);
            return;
        }
        textProperty().bind(t.titleProperty());
        progressProperty().bind(t.progressProperty());
    }

    private void showMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memory.setText(Messages.format("status.memory", Format.megabytes(used), Format.megabytes(rt.maxMemory())));
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
