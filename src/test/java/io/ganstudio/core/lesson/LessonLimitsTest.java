package io.ganstudio.core.lesson;

import io.ganstudio.core.ReaderSamples.RawEntry;
import io.ganstudio.core.ReaderSamples;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson files made to exhaust memory, print escape codes or contradict themselves are refused with one line. */
class LessonLimitsTest {

    private static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    /** The lesson with its lesson.json changed by {@code edit}, every other entry as it was. */
    private static Path withJson(Path lesson, Path out, UnaryOperator<String> edit) throws IOException {
        List<RawEntry> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : unzip(lesson).entrySet()) {
            byte[] content = e.getKey().equals(LessonFile.JSON_ENTRY)
                    ? edit.apply(new String(e.getValue(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                    : e.getValue();
            entries.add(ReaderSamples.entry(e.getKey(), content));
        }
        return Files.write(out, ReaderSamples.rawZip(entries));
    }

    private static String refused(Path file) {
        return ReaderSamples.refusal(LessonException.class,
                ReaderSamples.allocating(96L << 20, () -> LessonFile.read(file)));
    }

    @Test
    void manyEntriesDeclaringHugeSizesAreRefusedWhileStreaming(@TempDir Path tmp) throws Exception {
        // 120 entries of 64 MiB each (7.5 GiB inflated) in a file of about 8 MB.
        RawEntry one = ReaderSamples.zeros("x", 64L << 20);
        List<RawEntry> entries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            entries.add(new RawEntry(i == 0 ? "data/images-idx3-ubyte" : "pad/" + i, one.deflated(),
                    one.declaredSize(), 0));
        }
        Path file = Files.write(tmp.resolve("bomb.ganlesson"), ReaderSamples.rawZip(entries));
        String m = refused(file);
        assertTrue(m.contains("damaged") && m.contains("expands more than"), m);
        // Entries this version does not know are held to 1 MiB each.
        Path unknown = Files.write(tmp.resolve("bomb2.ganlesson"), ReaderSamples.rawZip(entries.subList(1, 120)));
        m = refused(unknown);
        assertTrue(m.contains("pad/1 is larger than any lesson holds"), m);
    }

    @Test
    void aHugeSnapshotInASmallLessonIsRefusedWithoutATemporaryCopy(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), false);
        List<RawEntry> entries = new ArrayList<>();
        unzip(valid).forEach((k, v) -> entries.add(ReaderSamples.entry(k, v)));
        entries.add(ReaderSamples.zeros("snapshot.gsc", 320L << 20));
        Path file = Files.write(tmp.resolve("snap-bomb.ganlesson"), ReaderSamples.rawZip(entries));
        assertTrue(Files.size(file) < (2 << 20), "a small file: " + Files.size(file));
        String m = refused(file);
        assertTrue(m.contains("snapshot.gsc"), m);
    }

    @Test
    void aTitleWithTerminalEscapeCodesComesBackWithoutThem(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), false);
        Path file = withJson(valid, tmp.resolve("escapes.ganlesson"),
                j -> j.replace("\"Shapes\"", "\"\\u001b]0;owned\\u0007\\u001b[2J\\u009b31mShapes\\r\\nnext\""));
        Lesson lesson = LessonFile.read(file);
        String title = lesson.title();
        assertTrue(title.endsWith("Shapes\uFFFD\uFFFDnext"), title);
        assertFalse(title.chars().anyMatch(Character::isISOControl), title);
    }

    @Test
    void aSecondLessonJsonIsRefused(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), false);
        byte[] json = unzip(valid).get(LessonFile.JSON_ENTRY);
        String other = new String(json, StandardCharsets.UTF_8).replace("\"Shapes\"", "\"Other\"");
        Path file = Files.write(tmp.resolve("twice.ganlesson"), ReaderSamples.rawZip(List.of(
                ReaderSamples.entry(LessonFile.JSON_ENTRY, json),
                ReaderSamples.entry(LessonFile.JSON_ENTRY, other.getBytes(StandardCharsets.UTF_8)))));
        String m = refused(file);
        assertTrue(m.contains("lesson.json twice"), m);
    }

    @Test
    void anUnknownFormatVersionIsRefused(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), false);
        for (String v : List.of("-5", "0", "0.5", "\"1\"")) {
            Path file = withJson(valid, tmp.resolve("v.ganlesson"),
                    j -> j.replaceFirst("\"version\": *1", "\"version\": " + v));
            String m = refused(file);
            assertTrue(m.contains("damaged"), v + ": " + m);
        }
        Path newer = withJson(valid, tmp.resolve("v2.ganlesson"), j -> j.replaceFirst("\"version\": *1",
                "\"version\": 2"));
        assertTrue(refused(newer).contains("Update GAN Studio"));
    }

    @Test
    void aSnapshotOfAnotherModelThanTheSettingsIsRefused(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), true);
        assertEquals(8, LessonFile.read(valid).config().model().latentSize());
        Path file = withJson(valid, tmp.resolve("other.ganlesson"),
                j -> j.replaceFirst("\"latentSize\": *8", "\"latentSize\": 64"));
        String m = refused(file);
        assertTrue(m.contains("snapshot") && m.contains("latent 8") && m.contains("latent 64"), m);
    }

    @Test
    void garbageMetricsAreRefusedBeforeAnyRunFolderIsMade(@TempDir Path tmp) throws Exception {
        Path valid = ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), true);
        List<RawEntry> entries = new ArrayList<>();
        unzip(valid).forEach((k, v) -> entries.add(ReaderSamples.entry(k,
                k.equals("metrics.csv") ? "garbage\u0000\u0001,,,\n".getBytes(StandardCharsets.UTF_8) : v)));
        Path file = Files.write(tmp.resolve("metrics.ganlesson"), ReaderSamples.rawZip(entries));
        String m = refused(file);
        assertTrue(m.contains("metrics.csv"), m);
    }

    @Test
    void aRunThatCannotBeMadeLeavesNothingBehindAndARetryWorks(@TempDir Path tmp) throws Exception {
        Lesson good = LessonFile.read(ReaderSamples.lesson(tmp.resolve("ok.ganlesson"), true));
        // The same lesson with metrics no reader accepts (as if they had got past the check): making its run fails.
        Lesson bad = new Lesson(good.title(), good.config(), good.source(), good.images(), good.imageSize(),
                good.channels(), good.classes(), null, null, null, snapshotOf(good),
                "not,a,metrics,file\n".getBytes(StandardCharsets.UTF_8));
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path dir = runs.resolve("pupil");
        GanConfig installed = good.install(tmp.resolve("lessons"));
        assertThrows(LessonException.class, () -> bad.createRun(dir, installed));
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.toList(), "nothing is left beside the runs");
        }
        good.createRun(dir, installed);
        assertTrue(RunFolder.isRunFolder(dir));
        assertEquals(good.config().model(), RunFolder.open(dir).config().model());

        // An existing empty folder (as the studio makes one) is used; a folder with files in it is refused.
        Path empty = Files.createDirectories(runs.resolve("empty"));
        good.createRun(empty, installed);
        assertTrue(RunFolder.isRunFolder(empty));
        Path busy = Files.createDirectories(runs.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThrows(LessonException.class, () -> good.createRun(busy, installed));
        assertEquals("mine", Files.readString(busy.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(busy)) {
            assertEquals(1, s.count());
        }
    }

    private static LoadedCheckpoint snapshotOf(Lesson lesson) throws Exception {
        Field f = Lesson.class.getDeclaredField("snapshot");
        f.setAccessible(true);
        return (LoadedCheckpoint) f.get(lesson);
    }
}
