package io.ganstudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gan-studio playground: figures, JSON, the PNG of the canvas, and clear refusals. */
class PlaygroundCliTest {

    @TempDir
    Path dir;

    @Test
    void printsJsonWithTheDivergencesAndDrawsTheCanvas() throws Exception {
        Path png = dir.resolve("out/ring.png");
        CliRun r = CliRun.of("playground", "--distribution", "ring", "--steps", "300", "--seed", "3", "--json",
                "--every", "100", "--png", png.toString(), "--png-size", "240");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("ring", json.get("distribution").getAsString());
        assertEquals(300, json.get("steps").getAsInt());
        assertEquals(3, json.get("history").getAsJsonArray().size());
        double js = json.get("js").getAsDouble();
        assertTrue(js > 0 && js <= 1, "JS in bits: " + js);
        assertTrue(json.get("js_lowest").getAsDouble() <= json.get("js_start").getAsDouble());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(240, image.getWidth());
        assertEquals(240, image.getHeight());
        // The same seed and settings print the same figures.
        CliRun again = CliRun.of("playground", "--distribution", "ring", "--steps", "300", "--seed", "3", "--json",
                "--every", "100");
        JsonObject second = JsonParser.parseString(again.out()).getAsJsonObject();
        assertEquals(json.get("js").getAsDouble(), second.get("js").getAsDouble());
        assertEquals(json.get("d_loss").getAsDouble(), second.get("d_loss").getAsDouble());
    }

    @Test
    void readsPointsFromCsvAndRefusesBadInputClearly() throws Exception {
        Path csv = dir.resolve("points.csv");
        StringBuilder b = new StringBuilder("x;y\n");
        for (int i = 0; i < 40; i++) {
            b.append(i).append(';').append(i % 7).append('\n');
        }
        Files.writeString(csv, b.toString());
        CliRun ok = CliRun.of("playground", "--csv", csv.toString(), "--steps", "20");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("JS"), ok.out());

        Files.writeString(csv, "x,y\n1,2\n1,two\n");
        CliRun bad = CliRun.of("playground", "--csv", csv.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("Line 3 is not two numbers"), bad.err());

        CliRun shape = CliRun.of("playground", "--distribution", "circle");
        assertEquals(2, shape.exitCode());
        assertTrue(shape.err().contains("--distribution must be line, gaussians, ring or blobs"), shape.err());
        CliRun settings = CliRun.of("playground", "--g-neurons", "0", "--g-lr", "0.2");
        assertEquals(2, settings.exitCode());
        assertTrue(settings.err().contains("generator neurons per layer must be between 1 and 100, not 0"));
        assertTrue(settings.err().contains("generator learning rate must be one of 0.001, 0.003, 0.01, 0.03, 0.1, "
                + "0.3, 1, not 0.2"), settings.err());
        CliRun penalty = CliRun.of("playground", "--penalty", "12");
        assertEquals(2, penalty.exitCode());
        assertTrue(penalty.err().contains("the penalty must be between 0 and 10, not 12"), penalty.err());
        CliRun collapse = CliRun.of("playground", "--mode-collapse", "--distribution", "gaussians", "--steps", "5");
        assertEquals(0, collapse.exitCode(), collapse.err());
        CliRun measure = CliRun.of("playground", "--measure", "1", "--steps", "20", "--every", "10");
        assertEquals(0, measure.exitCode(), measure.err());
        for (String p : new String[] {"line", "gaussians", "ring", "blobs"}) {
            assertTrue(measure.out().contains(p + " seed 1, JS every 10 steps from 0: "), measure.out());
        }
        assertTrue(measure.out().contains("highest from step 12 on: "), measure.out());
    }
}
