package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.VectorArithmetic;
import io.ganstudio.ui.app.FxTesting;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latent lab's bookmarks, walks, named directions and arithmetic on a stand-in generator (no engine). */
class LabModelTest {

    private static final int LATENT = 20;

    @TempDir
    Path dir;
    static BackgroundTasks tasks;

    @BeforeAll
    static void platform() {
        FxTesting.startPlatform();
        tasks = new BackgroundTasks();
    }

    @AfterAll
    static void stop() {
        tasks.shutdown();
    }

    private final ExploreText text = new ExploreText(Locale.ENGLISH);
    private ExploreViewModel vm;
    private LabModel lab;

    private void open(Path run) throws Exception {
        FxTesting.onFx(() -> {
            if (vm == null) {
                vm = new ExploreViewModel(Runnable::run, () -> 1000L);
                lab = new LabModel(vm, tasks, Platform::runLater, text);
            }
            vm.open(new FakeSource(LATENT, true), run, "run");
            return null;
        });
    }

    private <T> T fx(Supplier<T> a) throws Exception {
        return FxTesting.onFx(a);
    }

    @Test
    void bookmarksAreKeptRenamedDeletedAndShownFromLatentsJson() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        open(run);
        BookmarksModel b = lab.bookmarks();
        assertTrue(fx(() -> b.availableProperty().get()));
        assertFalse(fx(() -> b.keepCurrent("  ")));
        assertEquals(text.get("lab.nameEmpty"), fx(() -> b.messageProperty().get()));
        assertFalse(fx(() -> b.keepCurrent("12")), "a number would be read as a seed by the CLI");
        assertFalse(fx(() -> b.keepCurrent("a,b")));
        assertTrue(fx(() -> b.keepCurrent("first")));
        fx(() -> {
            vm.pick(3);
            vm.sliders().sliderProperty(0).set(1.5); // an edited point
            return null;
        });
        float[] edited = fx(() -> vm.currentZ());
        assertTrue(fx(() -> b.keepCurrent("edited one")));
        assertFalse(fx(() -> b.keepCurrent("first")), "names are unique");
        assertEquals(text.format("lab.nameTaken", "first"), fx(() -> b.messageProperty().get()));

        LatentBook book = LatentBook.open(run, LATENT);
        assertEquals(List.of("first", "edited one"), book.bookmarks().stream().map(LatentBook.Bookmark::name).toList());
        assertArrayEquals(Latents.fromSeed(1000, LATENT), book.bookmarks().get(0).z());
        assertEquals("seed 1000", book.bookmarks().get(0).source());
        assertArrayEquals(edited, book.bookmarks().get(1).z());
        assertEquals("seed 1003, edited", book.bookmarks().get(1).source());
        assertEquals(2, fx(() -> b.items().size()));
        assertTrue(fx(() -> b.items().get(1).thumbnail() != null), "thumbnails are rendered");

        assertTrue(fx(() -> b.rename("first", "start")));
        assertFalse(fx(() -> b.rename("start", "edited one")));
        assertTrue(fx(() -> b.delete("edited one")));
        fx(() -> {
            vm.pick(5);
            b.show("start");
            return null;
        });
        assertArrayEquals(Latents.fromSeed(1000, LATENT), fx(() -> vm.currentZ()));
        assertEquals("start", fx(() -> vm.pointNameProperty().get()));
        assertEquals(-1, fx(() -> vm.pickedProperty().get()), "no grid tile is picked for a bookmark");
        fx(() -> {
            vm.sliders().sliderProperty(2).set(-2);
            vm.resetEdits();
            return null;
        });
        assertArrayEquals(Latents.fromSeed(1000, LATENT), fx(() -> vm.currentZ()), "reset returns to the bookmark");
        fx(() -> {
            vm.setKeyA();
            return null;
        });
        assertEquals("start", fx(() -> vm.interpolation().keyALabelProperty().get()), "a bookmark can be an interpolation end");

        open(run); // reopening reads the book again
        assertEquals(List.of("start"), fx(() -> b.items().stream().map(BookmarksModel.Item::name).toList()));
    }

    @Test
    void aLooseCheckpointFileOrADamagedBookTurnsBookmarksOffWithAReason() throws Exception {
        Path loose = Files.writeString(dir.resolve("model.gsc"), "x");
        open(loose);
        assertFalse(fx(() -> lab.bookmarks().availableProperty().get()));
        assertEquals(text.get("lab.noRunFolder"), fx(() -> lab.bookmarks().messageProperty().get()));
        assertFalse(fx(() -> lab.bookmarks().keepCurrent("x")));

        Path run = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(run.resolve(LatentBook.FILE), "{ not json");
        open(run);
        assertFalse(fx(() -> lab.bookmarks().availableProperty().get()));
        assertTrue(fx(() -> lab.bookmarks().messageProperty().get()).contains("damaged"));
        assertEquals("{ not json", Files.readString(run.resolve(LatentBook.FILE)), "a damaged book is never replaced");
    }

    @Test
    void walkLoopsThroughTheSelectedBookmarksAndExportsAGifAndPngFrames() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        open(run);
        BookmarksModel b = lab.bookmarks();
        for (int i = 0; i < 3; i++) {
            int tile = i;
            fx(() -> {
                vm.pick(tile);
                return b.keepCurrent("k" + tile);
            });
        }
        fx(() -> {
            b.walkFramesProperty().set(4);
            b.export(List.of("k0"), dir.resolve("one.gif"), true);
            return null;
        });
        assertEquals(text.get("lab.walkNeedsTwo"), fx(() -> b.messageProperty().get()));
        List<float[]> walk = fx(() -> b.walk(List.of("k0", "k1", "k2")));
        assertEquals(12, walk.size());
        assertArrayEquals(Latents.fromSeed(1001, LATENT), walk.get(4));
        Path gif = dir.resolve("walk.gif");
        fx(() -> {
            b.export(List.of("k0", "k1", "k2"), gif, true);
            return null;
        });
        FxTesting.waitFor(Duration.ofSeconds(20), () -> !b.exportingProperty().get());
        assertEquals(text.format("lab.walkSaved", 12, gif), fx(() -> b.messageProperty().get()));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true), "three keys x four frames, the closing key not repeated");
        }
        Path frames = dir.resolve("frames");
        fx(() -> {
            b.export(List.of("k0", "k1", "k2"), frames, false);
            return null;
        });
        FxTesting.waitFor(Duration.ofSeconds(20), () -> !b.exportingProperty().get());
        try (var files = Files.list(frames)) {
            assertEquals(12, files.count());
        }
    }

    @Test
    void principalDirectionsGetNamesKeptWithTheBookmarks() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        open(run);
        BookmarksModel b = lab.bookmarks();
        assertTrue(fx(() -> b.nameDirection(1, "sleeves")));
        assertEquals("sleeves", fx(() -> vm.sliders().directionNamesProperty().get().get(1)));
        assertEquals("", fx(() -> vm.sliders().directionNamesProperty().get().get(0)));
        LatentBook book = LatentBook.open(run, LATENT);
        assertEquals("sleeves", book.directions().get(0).name());
        assertArrayEquals(fx(() -> vm.sliders().directions().get(1)), book.directions().get(0).z());
        assertTrue(fx(() -> b.nameDirection(1, "long sleeves")), "renaming replaces, it does not add");
        assertEquals(1, LatentBook.open(run, LATENT).directions().size());

        open(run); // a new generator of the same run: the names come back with the directions
        assertEquals("long sleeves", fx(() -> b.directionName(1)));
        assertTrue(fx(() -> b.nameDirection(1, "")));
        assertEquals(0, LatentBook.open(run, LATENT).directions().size());
        assertEquals("", fx(() -> vm.sliders().directionNamesProperty().get().get(1)));
    }

    @Test
    void arithmeticNeedsThreeExamplesPerConceptAndShowsItsResultAsThePointToEdit() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        open(run);
        ArithmeticModel a = lab.arithmetic();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < (k == 2 ? 2 : 3); i++) {
                int concept = k;
                int tile = k * 3 + i;
                fx(() -> {
                    vm.pick(tile);
                    a.addCurrent(concept);
                    return null;
                });
            }
        }
        fx(() -> {
            a.compute();
            return null;
        });
        assertEquals(text.format("lab.arithmeticTooFew", 'C', 2, 3), fx(() -> a.messageProperty().get()));
        assertNull(fx(() -> a.resultProperty().get()));
        fx(() -> {
            vm.pick(8);
            a.addCurrent(2);
            a.compute();
            return null;
        });
        FxTesting.waitFor(Duration.ofSeconds(10), () -> a.resultProperty().get() != null);
        ArithmeticModel.Result r = fx(() -> a.resultProperty().get());
        assertEquals(3 + 1 + ArithmeticModel.NEIGHBOURS, r.latent().size());
        assertEquals(4, r.pixels().size());
        float[] mean = VectorArithmetic.mean(List.of(Latents.fromSeed(1000, LATENT), Latents.fromSeed(1001, LATENT),
                Latents.fromSeed(1002, LATENT)));
        assertArrayEquals(mean, r.zs().get(0), 1e-6f);
        float[] sum = VectorArithmetic.combine(r.zs().get(0), r.zs().get(1), r.zs().get(2));
        assertArrayEquals(sum, r.zs().get(3), 1e-6f);
        assertArrayEquals(VectorArithmetic.neighbour(sum, 0.25f, 7_000), r.zs().get(4), 1e-6f,
                "the same neighbours as the CLI's arithmetic");
        fx(() -> {
            a.show(3);
            return null;
        });
        assertArrayEquals(sum, fx(() -> vm.currentZ()), 1e-6f);
        assertEquals(text.get("lab.sumName"), fx(() -> vm.pointNameProperty().get()));
        fx(() -> {
            a.remove(0, 0);
            return null;
        });
        assertEquals(2, fx(() -> a.concept(0).size()));
    }

    @Test
    void pixelArithmeticAveragesEachConceptsImagesAndClamps() {
        int[] white = {0xFFFFFFFF};
        int[] black = {0xFF000000};
        int[] red = {0xFFFF0000};
        // A = mean(white, white, black), B = black, C = red: A - B + C is (170 + 255, 170, 170) -> clamped red.
        List<ArgbFrame> out = ArithmeticModel.pixelSum(List.of(white, white, black, black, red), List.of(
                List.of(new float[1], new float[1], new float[1]), List.of(new float[1]), List.of(new float[1])), 1);
        assertEquals(4, out.size());
        assertEquals(0xFFAAAAAA, out.get(0).argb()[0]);
        assertEquals(0xFF000000, out.get(1).argb()[0]);
        assertEquals(0xFFFFAAAA, out.get(3).argb()[0]);
    }
}
