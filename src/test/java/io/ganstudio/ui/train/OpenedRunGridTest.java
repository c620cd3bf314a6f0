package io.ganstudio.ui.train;

import io.ganstudio.session.SessionEvent;
import io.ganstudio.session.TrainingSession;
import io.ganstudio.ui.harness.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run opened without saved grids (as a lesson carries it: checkpoint and curves) shows its checkpoint's grid. */
class OpenedRunGridTest {

    @TempDir
    Path runs;

    @Test
    void aRunWithoutSavedGridsShowsItsCheckpointsGridBesideItsCurves() throws Exception {
        Path dir = runs.resolve("lesson-run");
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.newRun(Configs.tiny(4), dir, null, events::add);
        s.setQualityEvery(0);
        s.start();
        assertTrue(s.awaitEnd(5, TimeUnit.MINUTES));
        SessionEvent.SampleGrid last = events.stream().filter(e -> e instanceof SessionEvent.SampleGrid)
                .map(e -> (SessionEvent.SampleGrid) e).reduce((a, b) -> b).orElseThrow();
        try (Stream<Path> pngs = Files.list(dir.resolve("samples"))) {
            for (Path p : pngs.toList()) {
                Files.delete(p);
            }
        }
        RunSnapshot snap = RunSnapshot.read(dir);
        assertTrue(snap.samples().isEmpty());
        assertNotNull(snap.drawnGrid(), "the newest checkpoint's grid is drawn");
        assertArrayEquals(last.argb(), snap.drawnGrid().argb(), "the same grid training drew at its last step");
        TrainViewModel vm = new TrainViewModel(() -> Configs.tiny(4), runs, new TrainViewModelTest.FakeSessions(),
                new TrainViewModelTest.RecordingNotifier(), new TrainText(Locale.ENGLISH));
        vm.showRun(snap);
        assertNotNull(vm.liveGridProperty().get(), "the curves do not stand beside an empty grid");
        assertTrue(vm.metrics().size() > 0);
    }
}
