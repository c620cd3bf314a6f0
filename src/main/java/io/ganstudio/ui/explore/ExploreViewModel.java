package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.Latents;
import io.ganstudio.session.InteractionGate;
import io.ganstudio.ui.common.ErrorText;
import io.ganstudio.ui.fxutil.ArgbFrame;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Explore screen's state and commands, without controls (tested without a screen or an engine). FX thread
 * only; every image comes from the {@link ImageSource} asynchronously and is handed back through {@code fx}.
 *
 * <p>What is on show is one latent vector: the picked sample's z, edited by the sliders (along PCA directions or
 * single dimensions), scaled by the truncation psi; or, once the interpolation is scrubbed or played, the point at t
 * between the two keyframes A and B.
 */
public final class ExploreViewModel {

    public static final int TILES = 16;
    public static final int SLIDERS = 8;

    private Supplier<Locale> language = () -> Locale.ENGLISH;
    /** Slider range in standard deviations of the prior: beyond 3 the generator has barely seen anything. */
    public static final double RANGE = 3;
    static final int DIRECTIONS = 16;

    public enum SliderMode { DIRECTIONS, DIMENSIONS }

    private enum Showing { PICK, WALK }

    private final Executor fx;
    private final LongSupplier newSeeds;
    private final InteractionGate gate;
    private final ReadOnlyObjectWrapper<ImageSource> source = new ReadOnlyObjectWrapper<>();
    private final SampleTiles tiles;
    private final ReadOnlyIntegerWrapper picked = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyLongWrapper pickedSeed = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final LatentSlidersModel sliders = new LatentSlidersModel(new LatentSlidersModel.Point() {
        public float[] z() {
            return z;
        }

        public void replace(float[] edited) {
            z = edited;
        }

        public void moved() {
            edited.set(true);
            showing = Showing.PICK;
            show();
        }
    });
    private final DoubleProperty truncation = new SimpleDoubleProperty(1);
    private final InterpolationModel interpolation = new InterpolationModel();
    private final ReadOnlyObjectWrapper<ArgbFrame> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> openedPath = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper openedName = new ReadOnlyStringWrapper("");
    // The latent lab (projection, arithmetic, bookmarks) shows points that come from no seed.
    private final ReadOnlyStringWrapper pointName = new ReadOnlyStringWrapper("");

    private float[] baseZ;
    private float[] z;
    private Showing showing = Showing.PICK;
    private boolean followsTrainScreen;
    private LatestWinsRenderer renderer;
    /** Edits that other panels (class directions) add to the picked vector, by owner; cleared by a new pick. */
    private final Map<String, float[]> extraEdits = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper picks = new ReadOnlyIntegerWrapper();

    /**
     * @param fx       where results from the engine are delivered: {@code Platform::runLater}
     * @param newSeeds the first seed of each re-rolled grid (random in the app, fixed in tests)
     */
    public ExploreViewModel(Executor fx, LongSupplier newSeeds) {
        this(fx, newSeeds, InteractionGate.shared());
    }

    /** @param gate told when the user's hand approaches the sliders (tests pass their own) */
    public ExploreViewModel(Executor fx, LongSupplier newSeeds, InteractionGate gate) {
        this.fx = fx;
        this.newSeeds = newSeeds;
        this.gate = gate;
        this.tiles = new SampleTiles(fx, source::get, error::set, this::message);
        truncation.addListener((o, was, now) -> show());
        interpolation.tProperty().addListener((o, was, now) -> {
            showing = Showing.WALK;
            show();
        });
        interpolation.slerpProperty().addListener((o, was, now) -> {
            if (showing == Showing.WALK) {
                show();
            }
        });
    }

    /**
     * The pointer moved or was pressed over the sliders, or a slider got the keyboard focus: a drag is coming, so a
     * running training stops starting new work for a moment and its current step finishes before the first render
     * (see {@link InteractionGate#touch()}). Only while a generator is open.
     */
    public void handNearSliders() {
        if (source.get() != null) {
            gate.touch();
        }
    }

    /**
     * The mouse button was released over the sliders: the drag is over, so a waiting training goes on as soon as
     * the last image is drawn (see {@link InteractionGate#letGo()}).
     */
    public void handLetGoOfSliders() {
        gate.letGo();
    }

    // ---- opening

    /** Explores a generator loaded from a run folder or checkpoint file; {@code name} is for the title line. */
    public void open(ImageSource newSource, Path path, String name) {
        openedPath.set(path);
        openedName.set(name);
        open(newSource);
    }

    /**
     * Whether what is on show came from the Train screen (opened by itself, or with "This run's latest"), so that
     * the next run trained there may replace it; kept here so that it survives the view's rebuilds.
     */
    public boolean followsTrainScreen() {
        return followsTrainScreen;
    }

    /** Set after {@link #open(ImageSource, Path, String)}; any other open clears it. */
    public void setFollowsTrainScreen(boolean follows) {
        followsTrainScreen = follows;
    }

    /** Explores another generator (closing the previous one); the grid is re-rolled. */
    public void open(ImageSource newSource) {
        ImageSource old = source.get();
        followsTrainScreen = false;
        // The new renderer first: panels that hear of the new source (and clear their edits) render at once, and
        // the old generator, closed below, would answer them with an error.
        renderer = new LatestWinsRenderer(newSource::render, fx, pixels -> {
            if (source.get() == newSource) {
                image.set(new ArgbFrame(newSource.imageSize(), newSource.imageSize(), pixels));
                error.set("");
            }
        }, e -> {
            if (source.get() == newSource) { // a render of a generator no longer on show fails unseen
                error.set(message(e));
            }
        });
        if (old != null) {
            old.close();
        }
        error.set("");
        sliders.forgetDirections();
        z = null; // the old generator's point: nothing renders until the new grid is rolled
        baseZ = null;
        extraEdits.clear();
        source.set(newSource);
        sliders.startOnDimensions();
        interpolation.clear();
        reroll();
        newSource.directions(Math.min(DIRECTIONS, newSource.latentSize())).whenComplete((ds, e) -> fx.execute(() -> {
            if (source.get() != newSource) {
                return;
            }
            if (e != null) {
                sliders.directionsFailed(message(e));
            } else {
                sliders.directionsFound(ds);
            }
        }));
    }

    /** New seeds for the grid; picks the first sample and makes the first two the interpolation's ends. */
    public void reroll() {
        ImageSource s = source.get();
        if (s == null) {
            return;
        }
        long first = newSeeds.getAsLong();
        tiles.roll(s, first);
        pick(0);
        interpolation.setA(Latents.fromSeed(first, s.latentSize()), Long.toString(first));
        interpolation.setB(Latents.fromSeed(first + 1, s.latentSize()), Long.toString(first + 1));
    }

    /** Takes grid sample i as the vector to edit. */
    public void pick(int i) {
        ImageSource s = source.get();
        if (s == null || i < 0 || i >= TILES) {
            return;
        }
        picked.set(i);
        pointName.set("");
        pickedSeed.set(tiles.firstSeed() + i);
        baseZ = Latents.fromSeed(pickedSeed.get(), s.latentSize());
        z = baseZ.clone();
        sliders.zero();
        extraEdits.clear();
        picks.set(picks.get() + 1);
        edited.set(false);
        showing = Showing.PICK;
        sliders.refresh();
        show();
    }

    /** Back to the picked sample as drawn from its seed. */
    public void resetEdits() {
        if (!pointName.get().isEmpty() && baseZ != null) {
            showPoint(baseZ, pointName.get());
        } else if (picked.get() >= 0) {
            pick(picked.get());
        }
    }

    // ---- sliders

    /**
     * An edit another panel adds to the picked vector (the class-direction sliders): {@code delta} replaces that
     * owner's previous one (null removes it). A new pick or reset clears all of them (see {@link #picksProperty()}).
     */
    public void setExtraEdit(String owner, float[] delta) {
        if (z == null) {
            return;
        }
        if (delta == null) {
            extraEdits.remove(owner);
        } else {
            if (delta.length != z.length) {
                throw new IllegalArgumentException("an edit of " + delta.length + " numbers for vectors of "
                        + z.length);
            }
            extraEdits.put(owner, delta.clone());
            edited.set(true);
        }
        showing = Showing.PICK;
        show();
    }

    /** Renders the grid (same seeds) and the image on show again: after the generator's class changed. */
    public void rerender() {
        ImageSource s = source.get();
        if (s == null) {
            return;
        }
        tiles.roll(s, tiles.firstSeed());
        show();
    }

    /** Counts picks (and resets): panels with their own edits zero their controls when it changes. */
    public ReadOnlyIntegerProperty picksProperty() {
        return picks.getReadOnlyProperty();
    }

    private float[] applyDirections(float[] v) {
        float[] out = sliders.apply(v);
        for (float[] d : extraEdits.values()) {
            for (int j = 0; j < out.length; j++) {
                out[j] += d[j];
            }
        }
        return out;
    }

    // ---- interpolation

    /** The edited vector on show becomes keyframe A. */
    public void setKeyA() {
        if (z != null) {
            interpolation.setA(applyDirections(z), seedLabel());
        }
    }

    public void setKeyB() {
        if (z != null) {
            interpolation.setB(applyDirections(z), seedLabel());
        }
    }

    private String seedLabel() {
        return (pointName.get().isEmpty() ? Long.toString(pickedSeed.get()) : pointName.get())
                + (edited.get() ? "*" : "");
    }

    // ---- points from the latent lab

    /**
     * Shows any latent vector (a projected photo, a bookmark, an arithmetic result) as the point to edit,
     * interpolate and save, like a picked sample; {@code name} labels it instead of a seed.
     */
    public void showPoint(float[] point, String name) {
        ImageSource s = source.get();
        if (s == null || point == null || point.length != s.latentSize()) {
            return;
        }
        picked.set(-1);
        pointName.set(name);
        baseZ = point.clone();
        z = baseZ.clone();
        sliders.zero();
        edited.set(false);
        showing = Showing.PICK;
        sliders.refresh();
        show();
    }

    /** The name of the lab point on show, or empty when a grid sample (a seed) is. */
    public ReadOnlyStringProperty pointNameProperty() {
        return pointName.getReadOnlyProperty();
    }

    /** The walk from A to B, truncation applied: {@link InterpolationModel#frameCount()} vectors. */
    public List<float[]> walk() {
        return interpolation.walk((float) truncation.get());
    }

    /** The latent sliders: their mode, page, values and the principal directions. */
    public LatentSlidersModel sliders() {
        return sliders;
    }

    /** Keyframes A and B, the way between them and the scrub position. */
    public InterpolationModel interpolation() {
        return interpolation;
    }

    // ---- what is on show

    /** The vector on show, truncation applied; null before anything is open. */
    public float[] currentZ() {
        if (z == null) {
            return null;
        }
        float psi = (float) truncation.get();
        if (showing == Showing.WALK && interpolation.ready()) {
            return Latents.truncate(interpolation.atT(), psi);
        }
        return Latents.truncate(applyDirections(z), psi);
    }

    private void show() {
        float[] current = currentZ();
        if (current != null && renderer != null) {
            renderer.request(current);
        }
    }

    /**
     * The CLI command that makes the picked sample (as drawn from its seed, before slider edits).
     *
     * @param generatorOption how the CLI finds the generator, e.g. {@code --run "/path/to/run"}
     */
    public String cliCommand(String generatorOption) {
        String psi = truncation.get() < 1 ? String.format(Locale.ROOT, " --truncation %.2f",
                truncation.get()) : "";
        String cls = cliClass.isEmpty() ? "" : " --class \"" + cliClass + "\"";
        return "gan-studio generate " + generatorOption + " --seed " + pickedSeed.get() + " -n 1" + psi + cls;
    }

    private String cliClass = "";
    private final ReadOnlyIntegerWrapper classRequest = new ReadOnlyIntegerWrapper(this, "classRequest", -1);

    /**
     * Asks the class picker of a conditional run to show this class (a projected photo's class); each request
     * fires, also for the class already on show. Ignored without classes.
     */
    public void requestClass(int classIndex) {
        classRequest.set(-1);
        classRequest.set(classIndex);
    }

    public ReadOnlyIntegerProperty classRequestProperty() {
        return classRequest.getReadOnlyProperty();
    }

    /** A conditional run's class on show (the class picker), for {@link #cliCommand}; empty for none. */
    public void setCliClass(String className) {
        cliClass = className == null ? "" : className;
    }

    /** The failure in the studio's language (futures wrap the engine's exceptions; they are unwrapped). */
    String message(Throwable e) {
        return ErrorText.of(e, language.get());
    }

    /** The language failures are said in (English until the studio says otherwise). */
    public void sayErrorsIn(Supplier<Locale> language) {
        this.language = language;
    }

    // ---- properties

    public ReadOnlyObjectProperty<ImageSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The grid's images in seed order; entries are null until rendered. */
    public ReadOnlyObjectProperty<List<ArgbFrame>> tilesProperty() {
        return tiles.tilesProperty();
    }

    /** Tile i shows {@code Latents.fromSeed(firstSeed + i)}, just as the CLI's {@code generate --seed FIRST -n 16}. */
    public ReadOnlyLongProperty firstSeedProperty() {
        return tiles.firstSeedProperty();
    }

    public ReadOnlyIntegerProperty pickedProperty() {
        return picked.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pickedSeedProperty() {
        return pickedSeed.getReadOnlyProperty();
    }

    /** True once the sliders moved the picked vector away from its seed's. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** Truncation psi, 0 to 1 (1 = off). */
    public DoubleProperty truncationProperty() {
        return truncation;
    }

    public ReadOnlyObjectProperty<ArgbFrame> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The last rendering error (the engine's words), or empty; cleared by the next image that renders. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The run folder or checkpoint file on show, or null (also when opened without a path). */
    public ReadOnlyObjectProperty<Path> openedPathProperty() {
        return openedPath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openedNameProperty() {
        return openedName.getReadOnlyProperty();
    }

    /** The renderer in use (for benchmarks: how many requests latest-wins skipped). */
    public LatestWinsRenderer renderer() {
        return renderer;
    }
}
