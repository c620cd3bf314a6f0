package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.SingleImage;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.latent.Projector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projection on a tiny trained run: an image the generator made is found again (closer than the best random start),
 * the results are written and bookmarked, bad images are refused, and held-out images are measured.
 */
@OnBothEngines
class ProjectionJobTest {

    @TempDir
    static Path dir;
    static Path run;
    static Path generated;

    @BeforeAll
    static void train() throws Exception {
        run = TinyRuns.train(dir.resolve("run"), TinyRuns.normalSet(48, 3), 40).dir();
        try (GeneratorRunner g = GeneratorRunner.load(GeneratorLoader.generator(run))) {
            int[] argb = g.render(Latents.fromSeed(11, g.latentSize())).join();
            SampleGrid.writePng(argb, g.imageSize(), g.imageSize(), dir.resolve("generated.png"));
        }
        generated = dir.resolve("generated.png");
    }

    @Test
    void aGeneratedImageIsFoundAgainAndKept() throws Exception {
        ProjectionJob job = ProjectionJob.open(run);
        SingleImage.Prepared target = job.prepare(generated);
        assertFalse(target.madeGray());
        int[] steps = {0};
        Projector.Result r = job.project(target.pixels(), -1, Projector.Settings.defaults().withSteps(25),
                (done, total, loss, px) -> steps[0] = done, () -> false);
        assertEquals(25, steps[0]);
        assertTrue(r.pixelError() <= r.startError(), r.pixelError() + " after, " + r.startError() + " before");
        assertEquals("", job.className(r), "an unconditional run");

        Path out = dir.resolve("projection");
        job.write(r, target.pixels(), run, generated, out);
        for (String f : ProjectionJob.FILES) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(TinyRuns.SIZE, ImageIO.read(out.resolve("reconstruction.png").toFile()).getWidth());
        assertEquals(26, Files.readAllLines(out.resolve("loss.csv")).size(), "a header and a row per step");
        assertTrue(Files.readString(out.resolve("z.json")).contains("\"step\": 40"));

        Path book = job.bookmark(run, "found", r, generated);
        LatentBook.Bookmark kept = LatentBook.open(run, r.z().length).bookmarks().stream()
                .filter(b -> b.name().equals("found")).findFirst().orElseThrow();
        assertEquals(run.resolve(LatentBook.FILE), book);
        assertTrue(Arrays.equals(r.z(), kept.z()));
        assertEquals("projection of generated.png", kept.source());
    }

    @Test
    void aFileThatIsNoImageIsRefused() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.png"), "not an image");
        ProjectionJob job = ProjectionJob.open(run);
        assertThrows(DatasetException.class, () -> job.prepare(broken));
        assertThrows(DatasetException.class, () -> job.prepare(dir.resolve("missing.png")));
    }

    @Test
    void heldOutImagesAreMeasuredAgainstRandomZ() throws Exception {
        Path idx = dir.resolve("held-out-idx3-ubyte");
        Random random = new Random(9);
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(idx))) {
            o.writeInt(0x00000803);
            o.writeInt(3);
            o.writeInt(TinyRuns.SIZE);
            o.writeInt(TinyRuns.SIZE);
            for (int i = 0; i < 3; i++) {
                o.write(TinyRuns.normalImage(random));
            }
        }
        ProjectionJob job = ProjectionJob.open(run);
        ImageDataset images = job.heldOut(idx, 2);
        assertEquals(2, images.count());
        List<double[]> seen = new ArrayList<>();
        ProjectionJob.Measurement m = job.measure(images, 2, -1, Projector.Settings.defaults().withSteps(5), 0,
                (done, total, projected, best) -> seen.add(new double[] {done, total, projected, best}));
        assertEquals(2, m.images());
        assertEquals(2, seen.size());
        assertEquals(1, seen.get(0)[0]);
        assertEquals(2, seen.get(1)[1]);
        assertEquals((seen.get(0)[2] + seen.get(1)[2]) / 2, m.projected(), 1e-9);
        assertEquals((seen.get(0)[3] + seen.get(1)[3]) / 2, m.bestRandom(), 1e-9);
        assertTrue(m.projected() > 0 && m.bestRandom() > 0 && m.secondsPerImage() > 0, m.toString());
    }
}
