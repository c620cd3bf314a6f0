package io.ganstudio.ui.explore;

import io.ganstudio.ui.explore.ExploreViewModel.SliderMode;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Arrays;
import java.util.List;

/**
 * Explore's latent sliders: {@value ExploreViewModel#SLIDERS} sliders a page, moving the point on show along its
 * principal directions (amounts in standard deviations) or along single dimensions of z. The directions arrive
 * after a generator opens; until the user touches the sliders they then become what the sliders move.
 */
public final class LatentSlidersModel {

    /** The point the sliders edit, which {@link ExploreViewModel} owns. */
    interface Point {
        /** The picked vector before the directions' amounts, or null before anything is open. */
        float[] z();

        /** The amounts were baked into the vector: it is now {@code z}. */
        void replace(float[] z);

        /** A slider moved the point. */
        void moved();
    }

    private final Point point;
    private final ObjectProperty<SliderMode> mode = new SimpleObjectProperty<>(SliderMode.DIMENSIONS);
    private final ReadOnlyBooleanWrapper directionsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper directionsError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<List<String>> directionNames = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
    private final DoubleProperty[] sliders = new DoubleProperty[ExploreViewModel.SLIDERS];
    private final ReadOnlyIntegerWrapper[] sliderTargets = new ReadOnlyIntegerWrapper[ExploreViewModel.SLIDERS];
    private List<float[]> directions = List.of();
    private double[] amounts = new double[0];
    /** Whether the user has neither moved a slider nor chosen the mode since the run opened. */
    private boolean untouched = true;
    private boolean switchingMode;
    private boolean refreshing;

    LatentSlidersModel(Point point) {
        this.point = point;
        mode.addListener((o, was, now) -> {
            if (!switchingMode) {
                untouched = false;
            }
        });
        for (int i = 0; i < sliders.length; i++) {
            int slot = i;
            sliders[i] = new SimpleDoubleProperty();
            sliderTargets[i] = new ReadOnlyIntegerWrapper(-1);
            sliders[i].addListener((o, was, now) -> {
                if (!refreshing) {
                    slid(slot, now.doubleValue());
                }
            });
        }
        page.addListener((o, was, now) -> refresh());
        mode.addListener((o, was, now) -> {
            bake(); // the edit so far stays; the sliders now move something else
            page.set(0);
            refresh();
        });
    }

    /** Another generator opens: its directions are not known yet. */
    void forgetDirections() {
        directionsError.set("");
        directions = List.of();
        amounts = new double[0];
        directionsReady.set(false);
    }

    /** Single dimensions until the new generator's directions arrive, and the user has touched nothing yet. */
    void startOnDimensions() {
        switch_(SliderMode.DIMENSIONS);
        untouched = true;
    }

    /** The directions arrived; a slider the user already moved keeps its meaning. */
    void directionsFound(List<float[]> ds) {
        directions = ds;
        amounts = new double[ds.size()];
        directionsReady.set(true);
        if (untouched) {
            switch_(SliderMode.DIRECTIONS);
        }
    }

    /** The directions could not be computed: the sliders stay on single dimensions, and the screen says why. */
    void directionsFailed(String message) {
        directionsError.set(message);
    }

    private void switch_(SliderMode m) {
        switchingMode = true;
        mode.set(m);
        switchingMode = false;
    }

    /** A new point: every amount back to zero. */
    void zero() {
        Arrays.fill(amounts, 0);
    }

    private void slid(int slot, double value) {
        untouched = false;
        int target = sliderTargets[slot].get();
        float[] z = point.z();
        if (z == null || target < 0) {
            return;
        }
        if (mode.get() == SliderMode.DIRECTIONS) {
            amounts[target] = value;
        } else {
            z[target] = (float) value;
        }
        point.moved();
    }

    /** The sliders' pages, targets and values for the point and mode now. */
    void refresh() {
        float[] z = point.z();
        int count = mode.get() == SliderMode.DIRECTIONS ? directions.size() : (z == null ? 0 : z.length);
        int slots = ExploreViewModel.SLIDERS;
        pageCount.set(Math.max(1, (count + slots - 1) / slots));
        if (page.get() >= pageCount.get()) {
            page.set(pageCount.get() - 1);
            return; // the page listener refreshes again
        }
        refreshing = true;
        try {
            for (int i = 0; i < slots; i++) {
                int target = page.get() * slots + i;
                boolean exists = target < count;
                sliderTargets[i].set(exists ? target : -1);
                double v = !exists ? 0 : mode.get() == SliderMode.DIRECTIONS ? amounts[target] : z[target];
                sliders[i].set(v);
            }
        } finally {
            refreshing = false;
        }
    }

    private void bake() {
        float[] z = point.z();
        if (z != null && amounts.length > 0) {
            point.replace(apply(z));
            Arrays.fill(amounts, 0);
        }
    }

    /** {@code v} moved by the directions' amounts. */
    float[] apply(float[] v) {
        float[] out = v.clone();
        for (int k = 0; k < amounts.length; k++) {
            if (amounts[k] != 0) {
                float[] d = directions.get(k);
                for (int j = 0; j < out.length; j++) {
                    out[j] += (float) (amounts[k] * d[j]);
                }
            }
        }
        return out;
    }

    // ---- properties

    /** The principal directions the sliders move (unit vectors in z), empty until computed. */
    public List<float[]> directions() {
        return directions;
    }

    /** Names given to the principal directions (by index; blank: unnamed), shown beside their sliders. */
    public ObjectProperty<List<String>> directionNamesProperty() {
        return directionNames;
    }

    public ObjectProperty<SliderMode> modeProperty() {
        return mode;
    }

    public ReadOnlyBooleanProperty directionsReadyProperty() {
        return directionsReady.getReadOnlyProperty();
    }

    /**
     * Why the principal directions could not be computed (the engine's words), or empty: while it is set the
     * sliders move single dimensions only. Cleared when another generator opens.
     */
    public ReadOnlyStringProperty directionsErrorProperty() {
        return directionsError.getReadOnlyProperty();
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public DoubleProperty sliderProperty(int i) {
        return sliders[i];
    }

    /** The direction or dimension (0-based) slider i moves, or -1 when it moves nothing on this page. */
    public ReadOnlyIntegerProperty sliderTargetProperty(int i) {
        return sliderTargets[i].getReadOnlyProperty();
    }
}
