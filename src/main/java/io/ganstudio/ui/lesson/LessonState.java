package io.ganstudio.ui.lesson;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.nio.file.Path;

/**
 * The lesson the studio opened last, shared by every screen. This is the hook for the explanation panel:
 * {@link #explanationsWantedProperty()} turns true when a lesson is opened (the Train screen should then show its
 * "What am I seeing?" panel open); the panel sets it back to false when the user closes it.
 */
public final class LessonState {

    /** A lesson as opened here: its title, file, exact configuration (data installed) and the step it starts at. */
    public record Opened(String title, Path file, GanConfig config, long startStep, Path runDir) {
    }

    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final BooleanProperty explanationsWanted = new SimpleBooleanProperty(this, "explanationsWanted");

    /** The lesson opened last, or null. */
    public ReadOnlyObjectProperty<Opened> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** True once a lesson has been opened and until the explanation panel is closed. */
    public BooleanProperty explanationsWantedProperty() {
        return explanationsWanted;
    }

    public void opened(Opened lesson) {
        opened.set(lesson);
        explanationsWanted.set(true);
    }

    /**
     * What Start trains: the lesson's exact configuration while the Model and Data screens still hold its settings
     * (the form cannot express everything a lesson may hold, e.g. a CLI's --network-size), otherwise the form's.
     */
    public GanConfig configToTrain(GanConfig fromForm) {
        Opened o = opened.get();
        if (o == null || fromForm == null || o.runDir() != null) {
            return fromForm;
        }
        GanConfig lesson = o.config();
        ModelConfig l = lesson.model();
        ModelConfig f = fromForm.model();
        // What the form cannot hold (network size) or takes from the data (channels, classes) is not compared.
        ModelConfig comparable = new ModelConfig(l.imageSize(), f.channels(), l.latentSize(), l.generatorWidth(),
                l.discriminatorWidth(), l.normalization(), f.networkSize(), l.spectralNorm(), l.conditional(),
                f.classes(), l.upsampling());
        boolean same = lesson.data().equals(fromForm.data()) && lesson.train().equals(fromForm.train())
                && comparable.equals(f);
        return same ? lesson : fromForm;
    }
}
