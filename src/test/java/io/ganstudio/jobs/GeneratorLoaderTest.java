package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.anomaly.TinyRuns;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a tiny trained run's generator from its folder or a checkpoint, and every refusal's problem. */
@OnBothEngines
class GeneratorLoaderTest {

    @TempDir
    static Path dir;
    static Path run;
    static Path checkpoint;

    @BeforeAll
    static void train() throws IOException {
        run = TinyRuns.train(dir.resolve("run"), TinyRuns.normalSet(32, 5), 3).dir();
        checkpoint = Checkpoints.list(run.resolve("checkpoints")).get(0);
    }

    private static RunNotUsableException.Problem problem(Path path, boolean asRun) {
        return assertThrows(RunNotUsableException.class,
                () -> {
                    if (asRun) {
                        GeneratorLoader.latestGenerator(path);
                    } else {
                        GeneratorLoader.generatorOf(path);
                    }
                }).problem();
    }

    @Test
    void aRunFolderAndItsCheckpointGiveTheSameGenerator() throws IOException {
        LoadedCheckpoint fromRun = GeneratorLoader.generator(run);
        LoadedCheckpoint fromFile = GeneratorLoader.generator(checkpoint);
        assertEquals(checkpoint, fromRun.file());
        assertEquals(3, fromRun.step());
        assertEquals(fromRun.state().weights().keySet(), fromFile.state().weights().keySet());
        assertTrue(fromRun.skippedNewer().isEmpty());
        assertEquals("run", GeneratorLoader.displayName(run));
        assertEquals("run / " + checkpoint.getFileName(), GeneratorLoader.displayName(checkpoint));
        assertEquals(run, GeneratorLoader.runOf(checkpoint));
        assertNull(GeneratorLoader.runOf(dir.resolve("elsewhere.gsc")));
    }

    @Test
    void theWholeCheckpointKeepsTheDiscriminatorTheGeneratorOnlyDoesNot() throws IOException {
        LoadedCheckpoint whole = GeneratorLoader.whole(run);
        LoadedCheckpoint generator = GeneratorLoader.generator(run);
        assertTrue(whole.state().weights().size() > generator.state().weights().size(),
                whole.state().weights().keySet() + " vs " + generator.state().weights().keySet());
        assertFalse(whole.state().discriminatorOptimizer().isEmpty());
    }

    @Test
    void aDamagedNewerCheckpointIsSkippedAndNamed() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("skip/run"));
        Files.copy(run.resolve("config.json"), copy.resolve("config.json"));
        Files.createDirectories(copy.resolve("checkpoints"));
        Files.copy(checkpoint, copy.resolve("checkpoints").resolve(checkpoint.getFileName()));
        Files.writeString(copy.resolve("checkpoints").resolve(Checkpoints.fileName(9)), "not a checkpoint");
        LoadedCheckpoint c = GeneratorLoader.latestGenerator(copy);
        assertEquals(3, c.step());
        assertEquals(1, c.skippedNewer().size());

        Files.writeString(copy.resolve("checkpoints").resolve(checkpoint.getFileName()), "damaged too");
        RunNotUsableException e = assertThrows(RunNotUsableException.class,
                () -> GeneratorLoader.latestGenerator(copy));
        assertEquals(RunNotUsableException.Problem.NO_CHECKPOINT_VERIFIES, e.problem());
        assertTrue(e.detail().contains("none of its 2 checkpoints verifies"), e.detail());
    }

    @Test
    void eachUnusablePathSaysWhichProblemItHas() throws IOException {
        assertEquals(RunNotUsableException.Problem.NO_SUCH_RUN, problem(dir.resolve("missing"), true));
        assertEquals(RunNotUsableException.Problem.RUN_IS_A_FILE, problem(checkpoint, true));
        assertEquals(RunNotUsableException.Problem.NOT_A_RUN,
                problem(Files.createDirectories(dir.resolve("empty")), true));
        Path fresh = RunFolder.create(dir.resolve("fresh"), RunFolder.open(run).config()).dir();
        RunNotUsableException none = assertThrows(RunNotUsableException.class, () -> GeneratorLoader.latest(fresh));
        assertEquals(RunNotUsableException.Problem.NO_CHECKPOINT, none.problem());
        assertTrue(none.getMessage().contains("has no checkpoint yet"), none.getMessage());

        assertEquals(RunNotUsableException.Problem.CHECKPOINT_IS_A_FOLDER, problem(run, false));
        assertEquals(RunNotUsableException.Problem.NO_SUCH_CHECKPOINT, problem(dir.resolve("none.gsc"), false));
        Path bad = Files.writeString(dir.resolve("bad.gsc"), "not a checkpoint");
        RunNotUsableException damaged = assertThrows(RunNotUsableException.class,
                () -> GeneratorLoader.checkpointOf(bad));
        assertEquals(RunNotUsableException.Problem.CHECKPOINT_DAMAGED, damaged.problem());
        assertFalse(damaged.detail().isBlank());
    }
}
