package io.ganstudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.quality.NearestLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** evaluate on a tiny run of the built-in data, end to end, with the shipped classifier. */
@OnBothEngines
class EvaluateCliTest {

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void tinyRun() {
        run = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--g-width", "4", "--d-width", "8", "--latent", "8", "--batch", "8",
                "--steps", "3", "--out", run.toString(), "--cache", tmp.resolve("cache").toString(), "--quiet");
        assertEquals(Cli.OK, r.exitCode(), r.err());
    }

    @Test
    void measuresAnUntrainedGeneratorAsFarFromTheData() {
        CliRun r = CliRun.of("evaluate", "--run", run.toString(), "--samples", "200", "--real-limit", "500",
                "--json", "--cache", tmp.resolve("cache").toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(200, j.get("samples").getAsInt());
        assertEquals(500, j.get("real_images").getAsInt());
        double fid = j.get("fid").getAsDouble();
        assertTrue(fid > 100 * j.get("floor_fid").getAsDouble(), "3 steps of training are far from the data: " + fid);
        double shares = j.getAsJsonObject("class_shares").entrySet().stream()
                .mapToDouble(e -> e.getValue().getAsDouble()).sum();
        assertEquals(1.0, shares, 1e-6);
        assertEquals(10, j.getAsJsonObject("class_shares").size());
        assertEquals(8, j.get("ndb_bins").getAsInt());
        assertTrue(j.get("diversity_ratio").getAsDouble() < 0.9, "an untrained generator has little diversity");
        assertTrue(j.get("close_share").getAsDouble() < 0.05, "it copies nothing");
    }

    @Test
    void textNamesTheFloorAndEveryMeasure() {
        CliRun r = CliRun.of("evaluate", "--run", run.toString(), "--samples", "100", "--real-limit", "300",
                "--cache", tmp.resolve("cache").toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
        for (String s : new String[] {"FID", "KID", "real-vs-real floor", "Coverage (NDB)", "Diversity",
                "Memorisation", "Trouser"}) {
            assertTrue(r.out().contains(s), s + " missing in:\n" + r.out());
        }
    }

    @Test
    void refusesBadCounts() {
        CliRun r = CliRun.of("evaluate", "--run", run.toString(), "--samples", "1");
        assertEquals(Cli.USAGE, r.exitCode());
        assertTrue(r.err().contains("--samples"), r.err());
        CliRun missing = CliRun.of("evaluate", "--run", tmp.resolve("nothing").toString());
        assertEquals(Cli.USAGE, missing.exitCode());
        assertFalse(missing.err().isBlank());
    }

    @Test
    void nearestWritesAContactSheet() throws Exception {
        Path sheet = tmp.resolve("sheet.png");
        CliRun r = CliRun.of("evaluate", "--run", run.toString(), "--samples", "64", "--real-limit", "300",
                "--nearest", "3", "--nearest-rows", "2", "--sheet", sheet.toString(),
                "--cache", tmp.resolve("cache").toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("contact sheet"), r.out());
        BufferedImage image = ImageIO.read(sheet.toFile());
        assertTrue(image.getWidth() > 7 * 56 && image.getHeight() > 2 * 56, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void theStudiosLookupFindsATrainingImageAsItsOwnNearest() throws Exception {
        ImageDataset real = DatasetLoader.load(
                DataSpec.builtIn(), 28, LoadOptions.defaults(), null)
                .dataset();
        try (NearestLookup lookup = NearestLookup.open(run,
                tmp.resolve("cache"))) {
            var result = lookup.find(real.argb(4321), 4).get(2, TimeUnit.MINUTES);
            assertEquals(4321, result.pixels().get(0).index());
            assertEquals(0, result.pixels().get(0).distance(), 1e-3);
            assertEquals(4321, result.features().get(0).index());
            assertEquals(4, result.features().size());
        }
    }
}
