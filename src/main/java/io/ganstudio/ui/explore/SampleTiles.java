package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.Latents;
import io.ganstudio.ui.fxutil.ArgbFrame;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Explore's grid of samples: {@value ExploreViewModel#TILES} images from consecutive seeds, rendered in one batch.
 * A newer roll, or another generator on show, drops the answer of an older one.
 */
final class SampleTiles {

    /** A failure in the studio's language. */
    private final Function<Throwable, String> words;

    private final Executor fx;
    private final Supplier<ImageSource> onShow;
    private final Consumer<String> error;
    private final ReadOnlyObjectWrapper<List<ArgbFrame>> tiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyLongWrapper firstSeed = new ReadOnlyLongWrapper();
    private long generation;

    /**
     * @param onShow the generator on show now
     * @param error  a render's failure (the engine's words), or empty once the grid rendered
     */
    SampleTiles(Executor fx, Supplier<ImageSource> onShow, Consumer<String> error,
                Function<Throwable, String> words) {
        this.words = words;
        this.fx = fx;
        this.onShow = onShow;
        this.error = error;
    }

    /** Renders the grid from {@code first} on {@code s}. */
    void roll(ImageSource s, long first) {
        firstSeed.set(first);
        List<float[]> zs = new ArrayList<>();
        for (int i = 0; i < ExploreViewModel.TILES; i++) {
            zs.add(Latents.fromSeed(first + i, s.latentSize()));
        }
        long g = ++generation;
        tiles.set(Collections.nCopies(ExploreViewModel.TILES, null));
        s.renderBatch(zs).whenComplete((images, e) -> fx.execute(() -> {
            if (g != generation || onShow.get() != s) {
                return; // a newer roll or another generator is on show
            }
            if (e != null) {
                error.accept(words.apply(e));
                return;
            }
            error.accept("");
            tiles.set(images.stream().map(p -> new ArgbFrame(s.imageSize(), s.imageSize(), p)).toList());
        }));
    }

    long firstSeed() {
        return firstSeed.get();
    }

    ReadOnlyObjectProperty<List<ArgbFrame>> tilesProperty() {
        return tiles.getReadOnlyProperty();
    }

    ReadOnlyLongProperty firstSeedProperty() {
        return firstSeed.getReadOnlyProperty();
    }
}
