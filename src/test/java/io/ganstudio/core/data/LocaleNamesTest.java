package io.ganstudio.core.data;

import io.ganstudio.Launcher;
import io.ganstudio.core.files.FileNames;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under LC_ALL=C (cron, ssh, containers) Java reads file names as ASCII: a Japanese-named image is skipped with the
 * locale as the reason and what to set, and an argument naming such a folder is refused saying so, instead of
 * "No such file" for "???.png" or an InvalidPathException.
 */
class LocaleNamesTest {

    @TempDir
    Path tmp;

    private record Result(int exit, String out) {
    }

    /** Runs a class's main in a JVM whose locale is C (LANG and the LC_ variables unset but LC_ALL=C). */
    private Result underCLocale(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
        builder.environment().put("LC_ALL", "C");
        Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
        Process p = builder.redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void aJapaneseNamedImageIsSkippedWithTheLocaleAsTheReason() throws Exception {
        assumeTrue(FileNames.utf8Names(), "this JVM itself needs a UTF-8 locale to make the file");
        Path folder = Files.createDirectories(tmp.resolve("images"));
        TestImages.png(folder.resolve("plain.png"), 8, 8, 0x336699);
        TestImages.png(folder.resolve("猫.png"), 8, 8, 0x996633);
        Result r = underCLocale(FolderScanProcess.class, folder.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("file plain.png"), r.out());
        assertTrue(r.out().contains("skipped ?.png: its name cannot be read in this locale")
                || r.out().contains("skipped ???.png: its name cannot be read in this locale"), r.out());
        assertTrue(r.out().contains("export LC_ALL=C.UTF-8"), r.out());
        assertFalse(r.out().contains("No such file"), r.out());
    }

    @Test
    void anArgumentThatLostItsCharactersIsRefusedWithTheCause() throws Exception {
        assumeTrue(FileNames.utf8Names(), "this JVM itself needs a UTF-8 locale to pass the name on");
        Path folder = Files.createDirectories(tmp.resolve("写真"));
        TestImages.png(folder.resolve("a.png"), 8, 8, 0x336699);
        Result r = underCLocale(Launcher.class, "train", "--data", folder.toString(), "--size", "16");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("characters that were lost") && r.out().contains("export LC_ALL=C.UTF-8"),
                r.out());
        assertFalse(r.out().contains("Exception"), r.out());
        assertEquals(1, r.out().lines().filter(l -> !l.isBlank()).count(), r.out());
    }

    @Test
    void underAUtf8LocaleEveryNameIsKept() throws Exception {
        assumeTrue(FileNames.utf8Names());
        Path folder = Files.createDirectories(tmp.resolve("images"));
        TestImages.png(folder.resolve("猫.png"), 8, 8, 0x996633);
        FolderScanner.Listing listing = FolderScanner.scan(folder, () -> false);
        assertEquals(List.of("猫.png"), listing.files().stream().map(SourceFile::relative).toList());
        assertTrue(listing.skipped().isEmpty(), listing.skipped().toString());
    }
}
