package io.ganstudio.ui.explore;

import io.ganstudio.jobs.ArithmeticJob;
import io.ganstudio.ui.fxutil.ArgbFrame;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Concept arithmetic (Radford et al. 2015, section 6.3) on the Explore screen: three concepts A, B, C, each the
 * mean z of at least {@value #MIN_EXAMPLES} examples (the point on show or bookmarks), give A - B + C and a few
 * neighbours of it (small noise around the result), beside the same sum done on the examples' pixels, which shows
 * what the latent space adds over blending pictures. The result and its neighbours can be shown as the point to edit.
 */
public final class ArithmeticModel {

    /** The DCGAN paper averages three examples per concept: one example's quirks would dominate the sum. */
    public static final int MIN_EXAMPLES = 3;
    public static final int CONCEPTS = ArithmeticJob.CONCEPTS;
    public static final int NEIGHBOURS = ArithmeticJob.NEIGHBOURS;

    /** One example of a concept: what it is called, its z, and its image (null until rendered). */
    public record Example(String name, float[] z, ArgbFrame thumbnail) {
    }

    /**
     * @param latent  A, B, C (each concept's mean z), A - B + C, then its neighbours: images and their z
     * @param pixels  the mean image of each concept's examples, then A - B + C on those pixels (clamped)
     */
    public record Result(List<float[]> zs, List<ArgbFrame> latent, List<ArgbFrame> pixels) {
    }

    private final ExploreViewModel explore;
    private final Executor fx;
    private final ExploreText text;
    private final List<ObservableList<Example>> concepts = new ArrayList<>();
    private final DoubleProperty noise = new SimpleDoubleProperty(0.25);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;
    private long epoch;

    ArithmeticModel(ExploreViewModel explore, Executor fx, ExploreText text) {
        this.explore = explore;
        this.fx = fx;
        this.text = text;
        for (int i = 0; i < CONCEPTS; i++) {
            concepts.add(FXCollections.observableArrayList());
        }
        explore.sourceProperty().addListener((o, was, now) -> {
            epoch++;
            generation++;
            concepts.forEach(List::clear); // examples are points of one generator's latent space
            result.set(null);
            message.set("");
        });
    }

    /** Adds the point on show to concept 0 (A), 1 (B) or 2 (C). */
    public void addCurrent(int concept) {
        float[] z = explore.currentZ();
        if (z != null) {
            add(concept, LabModel.pointName(explore, text), z);
        }
    }

    /** Adds a latent vector (a bookmark's) to a concept. */
    public void add(int concept, String name, float[] z) {
        ImageSource s = explore.sourceProperty().get();
        if (s == null || z.length != s.latentSize()) {
            return;
        }
        ObservableList<Example> list = concepts.get(concept);
        Example e = new Example(name, z.clone(), null);
        list.add(e);
        long ep = epoch;
        s.render(e.z()).whenComplete((image, err) -> fx.execute(() -> {
            int i = list.indexOf(e);
            if (ep == epoch && err == null && i >= 0) {
                list.set(i, new Example(e.name(), e.z(), new ArgbFrame(s.imageSize(), s.imageSize(), image)));
            }
        }));
        message.set("");
    }

    public void remove(int concept, int index) {
        ObservableList<Example> list = concepts.get(concept);
        if (index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    /** Computes A - B + C in z and on pixels; refused with a message while a concept has too few examples. */
    public void compute() {
        ImageSource s = explore.sourceProperty().get();
        if (s == null) {
            return;
        }
        for (int k = 0; k < CONCEPTS; k++) {
            if (concepts.get(k).size() < MIN_EXAMPLES) {
                message.set(text.format("lab.arithmeticTooFew", "ABC".charAt(k), concepts.get(k).size(),
                        MIN_EXAMPLES));
                return;
            }
        }
        List<List<float[]>> examples = concepts.stream().map(l -> l.stream().map(Example::z).toList()).toList();
        ArithmeticJob.Plan plan = ArithmeticJob.plan(examples, (float) noise.get());
        List<float[]> zs = plan.zs();
        List<float[]> all = plan.allZs();
        long g = ++generation;
        message.set(text.get("lab.arithmeticRendering"));
        CompletableFuture<List<int[]>> images = s.renderBatch(all);
        images.whenComplete((rendered, e) -> fx.execute(() -> {
            if (g != generation || explore.sourceProperty().get() != s) {
                return;
            }
            if (e != null) {
                message.set(text.format("lab.arithmeticFailed", LabModel.message(e, text)));
                return;
            }
            int size = s.imageSize();
            List<ArgbFrame> latent = rendered.subList(0, zs.size()).stream()
                    .map(p -> new ArgbFrame(size, size, p)).toList();
            result.set(new Result(List.copyOf(zs), latent, pixelSum(rendered.subList(zs.size(), rendered.size()),
                    examples, size)));
            message.set(text.get("lab.arithmeticDone"));
        }));
    }

    /** Each concept's mean image and A - B + C on them (see {@link ArithmeticJob#pixelSum}). */
    static List<ArgbFrame> pixelSum(List<int[]> images, List<List<float[]>> examples, int size) {
        return ArithmeticJob.pixelSum(images, examples).stream().map(p -> new ArgbFrame(size, size, p)).toList();
    }

    /** Shows result column {@code i} (0-2: a concept's mean, 3: A - B + C, then the neighbours) as the point on show. */
    public void show(int i) {
        Result r = result.get();
        if (r == null || i < 0 || i >= r.zs().size()) {
            return;
        }
        String name = i < CONCEPTS ? text.format("lab.meanName", "ABC".charAt(i))
                : i == CONCEPTS ? text.get("lab.sumName") : text.format("lab.neighbourName", i - CONCEPTS);
        explore.showPoint(r.zs().get(i), name);
    }

    // ---- properties

    /** The examples of concept 0 (A), 1 (B) or 2 (C). */
    public ObservableList<Example> concept(int k) {
        return concepts.get(k);
    }

    /** Standard deviation of the noise around the result that makes its neighbours. */
    public DoubleProperty noiseProperty() {
        return noise;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
