package io.ganstudio.cli;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gan-studio anomaly fit / score on a tiny run: messages, CSV, labelled folders, maps, hostile files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OnBothEngines
class AnomalyCliTest {

    @TempDir
    static Path tmp;
    static Path run;
    static Path inspect;

    @BeforeAll
    static void tinyRunAndFolders() throws Exception {
        run = TinyRuns.sharedRunCopy(tmp);
        // A labelled folder in the MVTec layout: good/ against square/, plus hostile files.
        inspect = tmp.resolve("inspect");
        Random t = new Random(2);
        for (int i = 0; i < 12; i++) {
            TinyRuns.writePng(TinyRuns.normalImage(t), inspect.resolve("good").resolve("g" + i + ".png"));
            TinyRuns.writePng(TinyRuns.withSquare(TinyRuns.normalImage(t), t.nextInt(12), t.nextInt(12)),
                    inspect.resolve("square").resolve("s" + i + ".png"));
        }
        Files.writeString(inspect.resolve("good").resolve("broken.png"), "not an image");
        BufferedImage big = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB); // another size, colour
        ImageIO.write(big, "png", inspect.resolve("good").resolve("colour-40x30.png").toFile());
    }

    @Test
    @Order(1)
    void scoringBeforeFittingSaysToFit() {
        CliRun r = CliRun.of("anomaly", "score", "--run", run.toString(), "--data", inspect.toString(), "--csv",
                tmp.resolve("x.csv").toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("no inspection model yet") && r.err().contains("anomaly fit"), r.err());
    }

    @Test
    @Order(2)
    void fitWritesTheEncoderAndThreshold() {
        CliRun r = CliRun.of("anomaly", "fit", "--run", run.toString(), "--steps", "60");
        assertEquals(Cli.OK, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isRegularFile(run.resolve("anomaly").resolve("encoder.gse")));
        assertTrue(r.out().contains("99th percentile of 15 normal validation images"), r.out());
    }

    @Test
    @Order(3)
    void scoreWritesTheCsvAndMeasuresTheLabelledFolder() throws IOException {
        Path csv = tmp.resolve("scores.csv");
        Path maps = tmp.resolve("maps");
        CliRun r = CliRun.of("anomaly", "score", "--run", run.toString(), "--data", inspect.toString(), "--csv",
                csv.toString(), "--maps", maps.toString());
        assertEquals(Cli.OK, r.exitCode(), r.out() + r.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("path,score,normalised_score,above_threshold,image_term,feature_term,pixel_nn_distance,label",
                lines.get(0));
        assertEquals(1 + 25, lines.size(), "24 images and the converted colour one; the broken file skipped");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("square/s0.png,") && l.endsWith(",anomalous")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("good/colour-40x30.png,")));
        assertTrue(r.out().contains("skipped 1 file") && r.out().contains("broken.png"), r.out());
        Matcher m = Pattern.compile("AUROC (\\d\\.\\d+)  F1 (\\d\\.\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 0.8, "AUROC " + m.group(1));
        assertTrue(r.out().contains("baseline (pixel distance"), r.out());
        assertTrue(Files.isRegularFile(maps.resolve("square_s0.png.png")));
        assertEquals(TinyRuns.SIZE, ImageIO.read(maps.resolve("square_s0.png.png").toFile()).getWidth());
    }

    @Test
    @Order(4)
    void jsonSummaryAndEmptyFolder() throws IOException {
        CliRun r = CliRun.of("anomaly", "score", "--run", run.toString(), "--data", inspect.toString(), "--csv",
                tmp.resolve("s2.csv").toString(), "--json", "--no-baseline");
        assertEquals(Cli.OK, r.exitCode(), r.err());
        assertTrue(r.out().strip().startsWith("{") && r.out().contains("\"auroc\""), r.out());
        // A skipped file's keys come in one order, path then reason, on every run.
        assertTrue(Pattern.compile("\"skipped\":\\[\\{\"path\":\"[^\"]*broken\\.png\",\"reason\":\"")
                .matcher(r.out()).find(), r.out());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun e = CliRun.of("anomaly", "score", "--run", run.toString(), "--data", empty.toString(), "--csv",
                tmp.resolve("s3.csv").toString());
        assertEquals(Cli.USAGE, e.exitCode());
        assertTrue(e.err().contains("is empty"), e.err());
    }

    @Test
    @Order(5)
    void aCopiedModelScoresWithoutTheRunWithAnyMethodAndRefusesUnknownOnes() throws IOException {
        Path copy = tmp.resolve("travelled").resolve("model.gse");
        Files.createDirectories(copy.getParent());
        Files.copy(run.resolve("anomaly").resolve("encoder.gse"), copy);
        CliRun r = CliRun.of("anomaly", "score", "--model", copy.toString(), "--method", "padim", "--data",
                inspect.toString(), "--csv", tmp.resolve("travelled.csv").toString());
        assertEquals(Cli.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("score: padim"), r.out());
        assertTrue(r.out().contains("baseline (pixel distance"), "the baseline from the model's references: "
                + r.out());
        CliRun bad = CliRun.of("anomaly", "score", "--model", copy.toString(), "--method", "magic", "--data",
                inspect.toString(), "--csv", tmp.resolve("bad.csv").toString());
        assertEquals(Cli.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--method") && bad.err().contains("feature-nn"), bad.err());
    }
}
