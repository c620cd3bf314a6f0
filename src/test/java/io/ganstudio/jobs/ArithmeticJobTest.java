package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.LoadedCheckpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A - B + C on a tiny trained run: the plan's vectors, named examples, the picture and the pixel sum. */
@OnBothEngines
class ArithmeticJobTest {

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        run = TinyRuns.train(dir.resolve("run"), TinyRuns.normalSet(32, 7), 10).dir();
    }

    private static List<float[]> seeds(int... seeds) {
        return Arrays.stream(seeds).mapToObj(s -> Latents.fromSeed(s, 8)).toList();
    }

    @Test
    void thePlanIsTheMeansTheirSumAndItsNeighbours() {
        List<List<float[]>> examples = List.of(seeds(1, 2, 3), seeds(4, 5), seeds(6));
        ArithmeticJob.Plan plan = ArithmeticJob.plan(examples, 0.25f);
        assertEquals(ArithmeticJob.CONCEPTS + 1 + ArithmeticJob.NEIGHBOURS, plan.zs().size());
        float[] a = plan.zs().get(0);
        float[] b = plan.zs().get(1);
        float[] c = plan.zs().get(2);
        float[] sum = plan.zs().get(3);
        for (int i = 0; i < 8; i++) {
            float meanA = (examples.get(0).get(0)[i] + examples.get(0).get(1)[i] + examples.get(0).get(2)[i]) / 3;
            assertEquals(meanA, a[i], 1e-5);
            assertEquals(a[i] - b[i] + c[i], sum[i], 1e-5);
        }
        assertFalse(Arrays.equals(sum, plan.zs().get(4)), "a neighbour is not the sum itself");
        ArithmeticJob.Plan again = ArithmeticJob.plan(examples, 0.25f);
        for (int i = 0; i < plan.zs().size(); i++) {
            assertArrayEquals(plan.zs().get(i), again.zs().get(i), "the same neighbours every time");
        }
        assertEquals(plan.zs().size() + 6, plan.allZs().size(), "then the six examples");
        assertThrows(IllegalArgumentException.class, () -> ArithmeticJob.plan(List.of(seeds(1)), 0.1f));
    }

    @Test
    void examplesAreSeedsOrBookmarks() throws Exception {
        assertArrayEquals(Latents.fromSeed(42, 8), ArithmeticJob.example(" 42 ", null, 8).orElseThrow());
        assertTrue(ArithmeticJob.example("smile", null, 8).isEmpty(), "no latents.json yet");
        LatentBook book = LatentBook.open(run, 8);
        float[] z = Latents.fromSeed(5, 8);
        book.put(new LatentBook.Bookmark("smile", z, -1, "test"));
        assertArrayEquals(z, ArithmeticJob.example("smile", book, 8).orElseThrow());
        assertTrue(ArithmeticJob.example("frown", book, 8).isEmpty());
    }

    @Test
    void thePictureHasALatentRowAndAPixelRow() throws Exception {
        LoadedCheckpoint checkpoint = GeneratorLoader.latestGenerator(run);
        ArithmeticJob.Plan plan = ArithmeticJob.plan(List.of(seeds(1, 2, 3), seeds(4, 5, 6), seeds(7, 8, 9)),
                0.25f);
        SampleGrid grid = ArithmeticJob.picture(checkpoint, plan, -1);
        SampleGrid single = SampleGrid.classRows(new float[2 * TinyRuns.SIZE * TinyRuns.SIZE], 2, 1, 1,
                TinyRuns.SIZE, List.of("z", "pixels"));
        assertEquals(single.height(), grid.height(), "two rows");
        assertTrue(grid.width() > 7 * TinyRuns.SIZE, "eight columns: " + grid.width());
        // The top row's fourth cell is A - B + C rendered by the generator.
        try (GeneratorRunner g = GeneratorRunner.load(checkpoint)) {
            int[] sum = SampleGrid.toArgb(g.sampleBatch(plan.zs()).join(), 3, 1, TinyRuns.SIZE);
            boolean found = false;
            for (int y = 0; y < grid.height() && !found; y++) {
                for (int x = 0; x + TinyRuns.SIZE <= grid.width() && !found; x++) {
                    found = cellAt(grid.argb(), grid.width(), grid.height(), x, y, sum);
                }
            }
            assertTrue(found, "the rendered sum appears in the picture");
        }
    }

    private static boolean cellAt(int[] argb, int width, int height, int x0, int y0, int[] cell) {
        int s = TinyRuns.SIZE;
        if (y0 + s > height) {
            return false;
        }
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (argb[(y0 + y) * width + x0 + x] != cell[y * s + x]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void thePixelSumIsChannelByChannelAndClamped() {
        int white = 0xFFFFFFFF;
        int black = 0xFF000000;
        int red = 0xFFFF0000;
        List<int[]> images = List.of(new int[] {white}, new int[] {white}, new int[] {black}, new int[] {black},
                new int[] {red});
        List<List<float[]>> examples = List.of(seeds(1, 2), seeds(3, 4), seeds(5));
        List<int[]> out = ArithmeticJob.pixelSum(images, examples);
        assertEquals(4, out.size());
        assertEquals(white, out.get(0)[0]);
        assertEquals(black, out.get(1)[0]);
        assertEquals(red, out.get(2)[0]);
        assertEquals(white, out.get(3)[0], "white - black + red clamps to white");
    }
}
