package io.ganstudio.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person sees for the usual mistakes and damaged files: one line with the reason, never a bare path. */
class CommonFailuresCliTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path run;

    @BeforeAll
    static void tinyRun() {
        run = shared.resolve("run");
        CliRun r = CliRun.of("train", "--size", "16", "--g-width", "4", "--d-width", "4", "--latent", "4", "--batch",
                "4", "--steps", "2", "--checkpoint-every", "1", "--keep-checkpoints", "2", "--quality-every", "0",
                "--quiet", "--out", run.toString(), "--cache", shared.resolve("cache").toString());
        assertEquals(Cli.OK, r.exitCode(), r.err());
    }

    private Path copyOfRun() throws IOException {
        Path copy = tmp.resolve("copy");
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.toList()) {
                Path to = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals(".trainer.lock")) {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }

    private static CliRun oneLine(int exitCode, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(exitCode, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        return r;
    }

    @Test
    void aFileWhereARunFolderBelongsIsNamedAsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertTrue(oneLine(Cli.USAGE, "generate", "--run", file.toString()).err().contains("is a file, not a run "
                + "folder"));
    }

    @Test
    void aFolderWhereACheckpointBelongsIsNamedAsAFolder() {
        assertTrue(oneLine(Cli.USAGE, "generate", "--checkpoint", tmp.toString()).err().contains("is a folder, not a "
                + "checkpoint file"));
    }

    @Test
    void oneImageGivenAsDataSaysToGiveItsFolder() throws IOException {
        Path png = Files.write(tmp.resolve("cat.png"), new byte[] {1, 2, 3});
        assertTrue(oneLine(Cli.USAGE, "train", "--data", png.toString()).err().contains("is one image; give the "
                + "folder"));
    }

    @Test
    void aFolderOfDamagedImagesListsThemOnOneLine() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(folder.resolve("a.png"), "not a png");
        CliRun r = oneLine(Cli.USAGE, "train", "--data", folder.toString(), "--size", "16", "--cache",
                tmp.resolve("cache").toString());
        assertTrue(r.err().contains("For example: a.png: "), r.err());
        assertFalse(r.err().contains(":;"), r.err());
    }

    @Test
    void checkpointsThatAllFailSayWhy() throws IOException {
        Path copy = copyOfRun();
        List<Path> checkpoints;
        try (Stream<Path> files = Files.list(copy.resolve("checkpoints"))) {
            checkpoints = files.filter(p -> p.toString().endsWith(".gsc")).toList();
        }
        assertFalse(checkpoints.isEmpty());
        for (Path c : checkpoints) {
            Files.write(c, new byte[] {1, 2, 3, 4}, StandardOpenOption.TRUNCATE_EXISTING);
        }
        CliRun r = oneLine(Cli.USAGE, "generate", "--run", copy.toString(), "--out", tmp.resolve("g").toString());
        assertTrue(r.err().contains("(the newest: step-") && r.err().contains("cannot be loaded: "), r.err());
    }

    @Test
    void configJsonThatIsNotUtf8IsNamedWithItsReason() throws IOException {
        Path copy = copyOfRun();
        Files.write(copy.resolve("config.json"), new byte[] {'{', (byte) 0x8A, (byte) 0xE7, '}'});
        CliRun r = oneLine(Cli.FAILED, "generate", "--run", copy.toString(), "--out", tmp.resolve("g").toString());
        assertTrue(r.err().contains("config.json is not UTF-8 text (byte offset 1"), r.err());
    }

    @Test
    void deeplyNestedConfigJsonIsAShortLine() throws IOException {
        Path copy = copyOfRun();
        Files.writeString(copy.resolve("config.json"), "[".repeat(100_000));
        CliRun r = oneLine(Cli.FAILED, "generate", "--run", copy.toString(), "--out", tmp.resolve("g").toString());
        assertTrue(r.err().contains("config.json is not valid JSON (") && r.err().length() < 300, r.err());
    }
}
