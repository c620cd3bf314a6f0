package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.lesson.Lesson;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson save and open on tiny runs: what is saved is what opens, with and without a snapshot. */
@OnBothEngines
class LessonJobsTest {

    private static GanConfig colourSettings(Path images) {
        return new GanConfig(DataSpec.folder(images.toString()), new ModelConfig(16, 3, 4, 4, 4,
                Normalization.BATCH_NORM), TrainConfig.defaults().withSteps(2).withBatchSize(4).withSeed(5));
    }

    private static Path greyFolder(Path dir) throws Exception {
        Random r = new Random(4);
        for (int i = 0; i < 8; i++) {
            TinyRuns.writePng(TinyRuns.normalImage(r), dir.resolve("g" + i + ".png"));
        }
        return dir;
    }

    @Test
    void aFolderOfGreyImagesMakesAGreyLessonThatOpensAndTrains(@TempDir Path tmp) throws Exception {
        Path grey = greyFolder(tmp.resolve("grey"));
        Path file = tmp.resolve("grey.ganlesson");
        LessonSave.Result saved = LessonSave.save(new LessonSave.Request(file, "Blobs", colourSettings(grey), null,
                null), () -> false);
        Lesson lesson = saved.lesson();
        assertEquals(1, lesson.channels());
        assertEquals(1, lesson.config().model().channels());
        assertEquals(8, lesson.images());
        assertFalse(lesson.hasSnapshot());

        LessonOpen.Opened opened = LessonOpen.open(file, tmp.resolve("lessons"));
        assertEquals("Blobs", opened.lesson().title());
        assertEquals(DataSpec.Kind.IDX, opened.config().data().kind());
        assertTrue(opened.config().data().path().startsWith(tmp.resolve("lessons").toAbsolutePath().toString()),
                opened.config().data().path());
        assertNull(LessonOpen.snapshotRun(opened, tmp.resolve("runs")), "a lesson at step 0 makes no run folder");
        assertTrue(Files.notExists(tmp.resolve("runs")) || isEmpty(tmp.resolve("runs")));

        Path run = tmp.resolve("pupil");
        try (TrainingSession s = LessonOpen.session(opened, opened.config(), run, null, e -> { })) {
            s.start();
            assertTrue(s.awaitEnd(120, TimeUnit.SECONDS));
        }
        assertEquals(2, RunFolder.open(run).readMetrics().size());
        assertEquals(1, RunFolder.open(run).config().model().channels());
    }

    @Test
    void aSnapshotLessonCarriesTheNewestCheckpointAndOpensAsARunAtItsStep(@TempDir Path tmp) throws Exception {
        Path teacher = TinyRuns.sharedRunCopy(tmp);
        Path file = tmp.resolve("snap.ganlesson");
        LessonSave.Result saved = LessonSave.save(new LessonSave.Request(file, "", null, teacher, null),
                () -> false);
        assertTrue(saved.lesson().hasSnapshot());
        assertEquals(200, saved.lesson().startStep());

        LessonOpen.Opened opened = LessonOpen.open(file, tmp.resolve("lessons"));
        assertEquals(file, opened.file());
        Path run = LessonOpen.snapshotRun(opened, tmp.resolve("runs"));
        assertTrue(run.getFileName().toString().endsWith("_lesson"), "an untitled lesson's run: " + run);
        List<Path> checkpoints = Checkpoints.list(RunFolder.open(run).checkpointDir());
        assertEquals(1, checkpoints.size());
        assertEquals(200, Checkpoints.stepOf(checkpoints.get(0)));
    }

    @Test
    void aSnapshotOfARunWithoutCheckpointsIsRefusedAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path grey = greyFolder(tmp.resolve("grey"));
        Path empty = tmp.resolve("empty-run");
        RunFolder.create(empty, colourSettings(grey).withModel(TinyRuns.model())).close();
        Path file = tmp.resolve("none.ganlesson");
        LessonSave.NoCheckpointException e = assertThrows(LessonSave.NoCheckpointException.class,
                () -> LessonSave.save(new LessonSave.Request(file, "", null, empty, null), () -> false));
        assertTrue(e.phrase().text(Locale.ENGLISH).contains(empty.toString()), e.getMessage());
        assertTrue(e.phrase().text(Locale.JAPANESE).contains("チェックポイント"),
                e.phrase().text(Locale.JAPANESE));
        assertTrue(Files.notExists(file));
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
