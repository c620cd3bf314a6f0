package io.ganstudio.core.run;

import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.image.SampleGrid;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.core.train.TestStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A trainer writes only to its own run's files: never through a link, never into a folder of someone's files. */
class RunFolderLinksTest {

    @TempDir
    Path root;

    private Path trainedRun(String name) throws IOException {
        Path dir = root.resolve(name);
        try (RunFolder run = RunFolder.create(dir, TestStates.tinyConfig())) {
            run.appendMetrics(List.of(new StepMetrics(1, 0.1, 1, 2, 0.5, 0.5, 10)));
            run.flush();
            run.writeSample(1, SampleGrid.of(new float[4 * 16 * 16], 4, 1, 16));
            run.writeCheckpoint(TestStates.state(1, 1));
        }
        return dir;
    }

    @Test
    void theLockNeverFollowsALink() throws IOException {
        Path run = trainedRun("run");
        Path notes = Files.writeString(root.resolve("notes.txt"), "my notes\n");
        Files.delete(run.resolve(RunLock.FILE));
        Files.createSymbolicLink(run.resolve(RunLock.FILE), notes);
        IOException e = assertThrows(IOException.class, () -> RunLock.acquire(run));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("my notes\n", Files.readString(notes));
        IOException open = assertThrows(IOException.class, () -> RunFolder.openForTraining(run));
        assertTrue(open.getMessage().contains(RunLock.FILE), open.getMessage());
        assertEquals("my notes\n", Files.readString(notes));

        // A dangling link would create a file wherever it points.
        Files.delete(run.resolve(RunLock.FILE));
        Path elsewhere = root.resolve("elsewhere.txt");
        Files.createSymbolicLink(run.resolve(RunLock.FILE), elsewhere);
        assertThrows(IOException.class, () -> RunLock.acquire(run));
        assertFalse(Files.exists(elsewhere));
    }

    @Test
    void theLockMustBeAPlainFile() throws IOException {
        Path run = trainedRun("run");
        Files.delete(run.resolve(RunLock.FILE));
        Files.createDirectory(run.resolve(RunLock.FILE));
        IOException e = assertThrows(IOException.class, () -> RunLock.acquire(run));
        assertTrue(e.getMessage().contains("not a plain file"), e.getMessage());
    }

    @Test
    void aLinkedCheckpointFolderIsRefusedBeforeAnythingIsDeleted() throws IOException {
        Path other = trainedRun("other");
        Path mine = trainedRun("mine");
        List<Path> before = Checkpoints.list(other.resolve("checkpoints"));
        deleteTree(mine.resolve("checkpoints"));
        Files.createSymbolicLink(mine.resolve("checkpoints"), other.resolve("checkpoints"));
        IOException e = assertThrows(IOException.class, () -> RunFolder.openForTraining(mine));
        assertTrue(e.getMessage().contains("checkpoints is a symbolic link"), e.getMessage());
        assertEquals(before, Checkpoints.list(other.resolve("checkpoints")));

        // A new run in a folder holding only such a link is refused too.
        Path fresh = Files.createDirectories(root.resolve("fresh"));
        Files.createSymbolicLink(fresh.resolve("checkpoints"), other.resolve("checkpoints"));
        IOException c = assertThrows(IOException.class, () -> RunFolder.create(fresh, TestStates.tinyConfig()));
        assertTrue(c.getMessage().contains("symbolic link"), c.getMessage());
        assertFalse(Files.exists(fresh.resolve("config.json")));
    }

    @Test
    void everyWrittenEntryThatIsALinkIsRefused() throws IOException {
        Path target = Files.writeString(root.resolve("target.txt"), "keep\n");
        Path targetDir = Files.createDirectories(root.resolve("target-dir"));
        for (String name : RunFolder.OWN_ENTRIES) {
            Path run = trainedRun("run-" + name);
            Path entry = run.resolve(name);
            boolean folder = Files.isDirectory(entry);
            if (name.equals(RunFolder.CONFIG)) {
                // A config.json that is a link to a valid one: the run opens as a run, then the link is refused.
                Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (folder) {
                deleteTree(entry);
            } else {
                Files.deleteIfExists(entry);
            }
            Path linkTarget = folder ? targetDir : target;
            Files.createSymbolicLink(entry, linkTarget);
            String before = Files.readString(target);
            IOException e = assertThrows(IOException.class, () -> RunFolder.openForTraining(run), name);
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertEquals(before, Files.readString(target), name);
            Files.writeString(target, "keep\n");
            assertEquals(0, Files.list(targetDir).count(), name);
        }
    }

    @Test
    void aRunFolderReachedThroughALinkIsFine() throws IOException {
        Path real = Files.createDirectories(root.resolve("data/runs"));
        Path runs = Files.createSymbolicLink(root.resolve("runs"), real);
        try (RunFolder run = RunFolder.create(runs.resolve("a"), TestStates.tinyConfig())) {
            run.writeCheckpoint(TestStates.state(1, 1));
        }
        try (RunFolder run = RunFolder.openForTraining(runs.resolve("a"))) {
            assertEquals(1, run.readLatestCheckpoint().step());
        }
    }

    @Test
    void aFolderOfSomeonesFilesIsNotMadeIntoARun() throws IOException {
        Path photos = Files.createDirectories(root.resolve("photos"));
        Files.writeString(photos.resolve("data-report.txt"), "my report\n");
        Files.writeString(photos.resolve("metrics.csv"), "a,b\n1,2\n");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> RunFolder.create(photos, TestStates.tinyConfig()));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        assertEquals("my report\n", Files.readString(photos.resolve("data-report.txt")));
        assertEquals("a,b\n1,2\n", Files.readString(photos.resolve("metrics.csv")));
        assertFalse(Files.exists(photos.resolve("samples")));
        assertFalse(Files.exists(photos.resolve(RunLock.FILE)));

        Path empty = Files.createDirectories(root.resolve("empty"));
        RunFolder.create(empty, TestStates.tinyConfig()).close();
        assertTrue(RunFolder.isRunFolder(empty));

        // What an interrupted start leaves (the lock file, empty folders) does not count as someone's files.
        Path interrupted = Files.createDirectories(root.resolve("interrupted/samples"));
        Files.createDirectories(root.resolve("interrupted/checkpoints"));
        Files.writeString(root.resolve("interrupted/" + RunLock.FILE), "process 1\n");
        RunFolder.create(interrupted.getParent(), TestStates.tinyConfig()).close();
        assertTrue(RunFolder.isRunFolder(interrupted.getParent()));
    }

    @Test
    void writtenFilesAreReadableAsTheUmaskAllows() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(root.resolve("plain"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path written = root.resolve("written.txt");
        AtomicFiles.write(written, out -> out.write(1));
        assertEquals(expected, Files.getPosixFilePermissions(written));
        Path run = trainedRun("run");
        assertEquals(expected, Files.getPosixFilePermissions(run.resolve("config.json")));
        assertEquals(expected, Files.getPosixFilePermissions(Checkpoints.list(run.resolve("checkpoints")).get(0)));
        // With the usual umask (022) that is readable by the group and others, not only the owner.
        assertTrue(!expected.contains(PosixFilePermission.OTHERS_READ)
                || Files.getPosixFilePermissions(run.resolve("metrics.csv")).contains(PosixFilePermission.OTHERS_READ));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
