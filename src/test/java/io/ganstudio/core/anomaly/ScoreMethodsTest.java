package io.ganstudio.core.anomaly;

import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every score method on a tiny run, and the inspection model as one file that travels. */
class ScoreMethodsTest {

    @TempDir
    static Path tmp;
    static RunFolder run;
    static ImageDataset normal;

    @BeforeAll
    static void fit() throws IOException {
        run = RunFolder.open(TinyRuns.sharedRunCopy(tmp));
        normal = TinyRuns.sharedData(run.dir());
        EncoderFit.fit(run, normal, EncoderFit.Settings.defaults().withSteps(60), null, () -> false);
    }

    @Test
    void everyMethodScoresInvertedAndNoiseImagesAboveEveryNormalOne() throws IOException {
        Random r = new Random(17);
        List<float[]> normals = new ArrayList<>();
        List<float[]> foreign = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] img = TinyRuns.normalImage(r);
            normals.add(TinyRuns.toFloats(img));
            byte[] inverted = img.clone();
            for (int k = 0; k < inverted.length; k++) {
                inverted[k] = (byte) (255 - (inverted[k] & 0xFF));
            }
            foreign.add(TinyRuns.toFloats(inverted));
            byte[] noise = new byte[img.length];
            r.nextBytes(noise);
            foreign.add(TinyRuns.toFloats(noise));
        }
        try (Inspector inspector = Inspector.open(run)) {
            List<Inspection> n = inspector.inspect(normals);
            List<Inspection> f = inspector.inspect(foreign);
            for (ScoreMethod m : ScoreMethod.values()) {
                double maxNormal = n.stream().mapToDouble(i -> i.score(m)).max().orElseThrow();
                double minForeign = f.stream().mapToDouble(i -> i.score(m)).min().orElseThrow();
                assertTrue(minForeign > maxNormal, m.id() + ": foreign " + minForeign + " vs normal " + maxNormal);
                assertTrue(inspector.stats(m).fitThreshold().above(minForeign), m.id() + " threshold");
                float[] map = f.get(0).map(m);
                assertEquals(TinyRuns.SIZE * TinyRuns.SIZE, map.length, m.id() + " map size");
                assertTrue(Heatmap.peak(map) >= 0 && map[Heatmap.peak(map)] > 0, m.id() + " map");
            }
        }
    }

    @Test
    void theChosenMethodIsTheScoreAndItsThresholdComesFromItsOwnValidationScores() throws IOException {
        List<float[]> one = List.of(TinyRuns.toFloats(TinyRuns.normalImage(new Random(3))));
        try (Inspector inspector = Inspector.open(run)) {
            assertEquals(ScoreMethod.DEFAULT, inspector.method());
            for (ScoreMethod m : ScoreMethod.values()) {
                inspector.setMethod(m);
                Inspection i = inspector.inspect(one).get(0);
                assertEquals(i.score(m), i.score(), 0);
                assertArrayEquals(i.map(m), i.map());
                MethodStats s = inspector.stats(m);
                assertEquals(Threshold.percentile(s.validationScores(), s.percentile()),
                        inspector.threshold().value(), 1e-12);
            }
        }
    }

    @Test
    void theModelFileScoresTheSameElsewhereAndScoringRewritesNothing() throws IOException {
        Map<Path, Long> before = snapshot(run.dir());
        Path elsewhere = tmp.resolve("elsewhere").resolve("model.gse");
        Files.createDirectories(elsewhere.getParent());
        Files.copy(EncoderFile.path(run.dir()), elsewhere);
        List<float[]> images = List.of(TinyRuns.toFloats(TinyRuns.normalImage(new Random(4))),
                TinyRuns.toFloats(TinyRuns.withSquare(TinyRuns.normalImage(new Random(5)), 3, 3)));
        try (Inspector own = Inspector.open(run); Inspector copy = Inspector.open(elsewhere, null);
             Inspector checked = Inspector.open(elsewhere, run)) {
            for (ScoreMethod m : ScoreMethod.values()) {
                own.setMethod(m);
                copy.setMethod(m);
                checked.setMethod(m);
                double a = own.inspect(images).get(1).score();
                assertEquals(a, copy.inspect(images).get(1).score(), Math.abs(a) * 1e-6, m.id());
                assertEquals(a, checked.inspect(images).get(1).score(), Math.abs(a) * 1e-6, m.id());
            }
        }
        assertEquals(before, snapshot(run.dir()), "scoring changed nothing in the run folder");
    }

    @Test
    void aModelIsRefusedForAnotherRunAndWhenItsFormatIsNewer() throws IOException {
        RunFolder other = TinyRuns.train(tmp.resolve("other"), normal, 3);
        IOException e = assertThrows(IOException.class, () -> Inspector.open(EncoderFile.path(run.dir()), other));
        assertTrue(e.getMessage().contains("belongs to another run") && !e.getMessage().contains("\n"),
                e.getMessage());
        Path sameStep = tmp.resolve("same-step");
        TinyRuns.train(sameStep, TinyRuns.normalSet(60, 9), 3);
        EncoderFit.fit(RunFolder.open(sameStep), TinyRuns.normalSet(60, 9),
                EncoderFit.Settings.defaults().withSteps(2), null, () -> false);
        RunFolder otherAtStep3 = other;
        e = assertThrows(IOException.class, () -> Inspector.open(EncoderFile.path(sameStep), otherAtStep3));
        assertTrue(e.getMessage().contains("belongs to another run") && e.getMessage().contains("fingerprint"),
                e.getMessage());
        byte[] bytes = Files.readAllBytes(EncoderFile.path(run.dir()));
        bytes[11] = 3; // the format version's low byte, right after the 8-byte magic
        Path newer = tmp.resolve("newer.gse");
        Files.write(newer, bytes);
        e = assertThrows(IOException.class, () -> Inspector.open(newer, null));
        assertTrue(e.getMessage().contains("newer version") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aModelFitsAndScoresWithTheFewestNormalImagesItTakes() throws IOException {
        Path dir = tmp.resolve("two-images");
        TinyRuns.train(dir, TinyRuns.normalSet(60, 9), 3);
        assertThrows(IllegalArgumentException.class, () -> EncoderFit.fit(RunFolder.open(dir),
                TinyRuns.normalSet(2, 9), EncoderFit.Settings.defaults().withSteps(2), null, () -> false));
        // Three: two to fit on (a Gaussian needs two), one to set the threshold, even when asked to hold out more.
        EncoderFit.Settings most = new EncoderFit.Settings(2, 1e-3f, 0.9, 99, 1, ScoreMethod.DEFAULT);
        EncoderFit.fit(RunFolder.open(dir), TinyRuns.normalSet(3, 9), most, null, () -> false);
        try (Inspector inspector = Inspector.open(RunFolder.open(dir))) {
            Inspection i = inspector.inspect(List.of(TinyRuns.toFloats(TinyRuns.normalImage(new Random(8))))).get(0);
            for (ScoreMethod m : ScoreMethod.values()) {
                assertTrue(Double.isFinite(i.score(m)), m.id() + ": " + i.score(m));
            }
        }
    }

    @Test
    void aModelFromBeforeTheTurnCheckIsRefusedWithWhatToDo() throws IOException {
        EncoderFile file = EncoderFile.read(run.dir());
        Map<String, float[]> older = new java.util.LinkedHashMap<>(file.weights());
        older.keySet().removeIf(k -> k.startsWith("rotation."));
        Path dir = tmp.resolve("older-model");
        new EncoderFile(file.header(), older).write(dir);
        IOException e = assertThrows(IOException.class, () -> Inspector.open(EncoderFile.path(dir), null));
        assertTrue(e.getMessage().contains("older version") && e.getMessage().endsWith("fit it again")
                && !e.getMessage().contains("\n"), e.getMessage());
    }

    private static Map<Path, Long> snapshot(Path dir) throws IOException {
        Map<Path, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.getLastModifiedTime(p).toMillis() * 31
                        + Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
