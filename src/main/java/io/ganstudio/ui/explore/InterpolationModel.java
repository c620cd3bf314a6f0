package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.Latents;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Explore's interpolation: two keyframes A and B with their labels, slerp or lerp between them, the number of frames
 * and the scrub position t. {@link ExploreViewModel} sets the keyframes and shows the point at t.
 */
public final class InterpolationModel {

    private final ReadOnlyObjectWrapper<float[]> keyA = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> keyB = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper keyALabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keyBLabel = new ReadOnlyStringWrapper("");
    private final BooleanProperty slerp = new SimpleBooleanProperty(true);
    private final DoubleProperty t = new SimpleDoubleProperty();
    private final IntegerProperty frames = new SimpleIntegerProperty(48);

    InterpolationModel() {
    }

    void setA(float[] z, String label) {
        keyA.set(z);
        keyALabel.set(label);
    }

    void setB(float[] z, String label) {
        keyB.set(z);
        keyBLabel.set(label);
    }

    /** No keyframes (a generator closed; the labels stay until new keyframes come). */
    void clear() {
        keyA.set(null);
        keyB.set(null);
    }

    boolean ready() {
        return keyA.get() != null && keyB.get() != null;
    }

    /** The point at t between A and B, or null without both keyframes. */
    float[] atT() {
        if (!ready()) {
            return null;
        }
        float tt = (float) t.get();
        return slerp.get() ? Latents.slerp(keyA.get(), keyB.get(), tt) : Latents.lerp(keyA.get(), keyB.get(), tt);
    }

    /** The walk from A to B, truncated by {@code psi}: {@link #frameCount()} vectors, empty without both ends. */
    public List<float[]> walk(float psi) {
        if (!ready()) {
            return List.of();
        }
        List<float[]> out = new ArrayList<>();
        for (float[] v : Latents.keyframes(List.of(keyA.get(), keyB.get()), frames.get(), slerp.get())) {
            out.add(Latents.truncate(v, psi));
        }
        return out;
    }

    /** Frames of the interpolation, both ends included. */
    public int frameCount() {
        return frames.get() + 1;
    }

    /** Advances the scrub position by one frame, wrapping at the end (for Play). */
    public void advance() {
        double step = 1.0 / frames.get();
        double next = t.get() + step;
        t.set(next > 1 + 1e-9 ? 0 : Math.min(1, next));
    }

    // ---- properties

    public ReadOnlyObjectProperty<float[]> keyAProperty() {
        return keyA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> keyBProperty() {
        return keyB.getReadOnlyProperty();
    }

    /** Keyframe A's seed or point name, with * when it was edited. */
    public ReadOnlyStringProperty keyALabelProperty() {
        return keyALabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyBLabelProperty() {
        return keyBLabel.getReadOnlyProperty();
    }

    /** Spherical interpolation (true) or straight lines (false). */
    public BooleanProperty slerpProperty() {
        return slerp;
    }

    /** The scrub position, 0 (A) to 1 (B). */
    public DoubleProperty tProperty() {
        return t;
    }

    /** Steps between A and B. */
    public IntegerProperty framesProperty() {
        return frames;
    }
}
