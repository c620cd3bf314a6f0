package io.ganstudio.cli;

import io.ganstudio.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SLF4J has a binding: no "No SLF4J providers" warning; quiet by default, the engine's INFO lines with --verbose. */
class LoggingTest {

    @TempDir
    Path tmp;

    /** Runs the jar's main class in a fresh JVM (logging is set up once per process) and returns its stderr. */
    private String stderrOf(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        command.addAll(List.of(args));
        Path err = tmp.resolve("err-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @Test
    void quietByDefaultAndTheEngineSpeaksWithVerbose() throws Exception {
        String quiet = stderrOf("train", "--steps", "1", "--size", "16", "--g-width", "4", "--d-width", "4",
                "--batch", "4", "--out", tmp.resolve("a").toString(), "--cache", tmp.resolve("c").toString());
        assertFalse(quiet.contains("SLF4J"), quiet);
        assertFalse(quiet.contains("INFO"), quiet);
        assertFalse(quiet.contains("CudaUtils"), "the CUDA probe of a CPU machine is not a warning: " + quiet);
        String verbose = stderrOf("train", "--steps", "1", "--size", "16", "--g-width", "4", "--d-width", "4",
                "--batch", "4", "--out", tmp.resolve("b").toString(), "--cache", tmp.resolve("c").toString(),
                "--verbose");
        assertFalse(verbose.contains("SLF4J"), verbose);
        assertTrue(verbose.contains("[INFO]"), "the engine's INFO lines: " + verbose);
    }
}
