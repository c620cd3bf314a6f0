package io.ganstudio.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz test of every reader ({@link ReaderFuzz}) and the tests of files made to exhaust memory, run in a child
 * JVM with a 256 MiB heap: a reader that allocates what a file declares before checking it against the file fails
 * there with an OutOfMemoryError, whatever heap the test JVM itself has.
 */
class ReaderFuzzSmallHeapTest {

    /** The classes the child runs: the fuzz test, then each reader's tests of hostile files. */
    static final List<String> CLASSES = List.of(ReaderFuzz.class.getName(),
            "io.ganstudio.core.lesson.LessonLimitsTest", "io.ganstudio.core.anomaly.EncoderFileLimitsTest",
            "io.ganstudio.core.data.IdxLimitsTest", "io.ganstudio.core.train.LoadedSettingsTest",
            "io.ganstudio.core.latent.LatentBookReadTest", "io.ganstudio.core.playground.PointsCsvSpreadTest");

    @Test
    void everyReaderRefusesDamagedAndHostileFilesWithOneLineInASmallHeap(@TempDir Path tmp) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), SmallHeapMain.class.getName()));
        command.addAll(CLASSES);
        Path log = tmp.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended, "the child JVM did not finish in 180 s:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("max heap: 2"), output);
    }
}
