package io.ganstudio.core.train;

import com.google.gson.JsonSyntaxException;
import io.ganstudio.core.health.HealthCsv;
import io.ganstudio.core.latent.LatentBook;
import io.ganstudio.core.quality.QualityCsv;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.run.MetricsCsv;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's text files that are not UTF-8, or JSON nested without end, are refused with the file's name and a reason
 * short enough for one line: never the JDK's bare "Input length = 1", a path hundreds of characters long or a
 * StackOverflowError.
 */
class DamagedRunTextTest {

    /** Shift-JIS for "顔": what an editor saving in another encoding leaves. */
    private static final byte[] SHIFT_JIS = {(byte) 0x8A, (byte) 0xE7};

    @TempDir
    Path run;

    private void makeRun() throws IOException {
        RunFolder.create(run, TestStates.tinyConfig()).close();
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void assertNotUtf8(Path file, IOException e) {
        assertTrue(e.getMessage().startsWith(file + " is not UTF-8 text (byte offset "), e.getMessage());
    }

    @Test
    void configJsonNotUtf8() throws IOException {
        makeRun();
        Path config = run.resolve(RunFolder.CONFIG);
        append(config, SHIFT_JIS);
        assertNotUtf8(config, assertThrows(IOException.class, () -> RunFolder.open(run)));
    }

    @Test
    void metricsCsvNotUtf8() throws IOException {
        makeRun();
        Path metrics = run.resolve(RunFolder.METRICS);
        Files.writeString(metrics, MetricsCsv.HEADER + "\n", StandardCharsets.UTF_8);
        append(metrics, SHIFT_JIS);
        RunFolder folder = RunFolder.open(run);
        assertNotUtf8(metrics, assertThrows(IOException.class, folder::readMetrics));
    }

    @Test
    void latentsJsonNotUtf8() throws IOException {
        Path latents = run.resolve("latents.json");
        Files.write(latents, "{\"latentSize\": 4, \"bookmarks\": [{\"name\": \"".getBytes(StandardCharsets.UTF_8));
        append(latents, SHIFT_JIS);
        assertNotUtf8(latents, assertThrows(IOException.class, () -> LatentBook.open(run, 4)));
    }

    @Test
    void qualityAndHealthCsvNotUtf8() throws IOException {
        append(run.resolve("quality.csv"), SHIFT_JIS);
        append(run.resolve("health.csv"), SHIFT_JIS);
        assertNotUtf8(run.resolve("quality.csv"), assertThrows(IOException.class, () -> new QualityCsv(run).read()));
        assertNotUtf8(run.resolve("health.csv"), assertThrows(IOException.class, () -> new HealthCsv(run).read()));
    }

    @Test
    void deeplyNestedConfigJsonIsOneShortLine() throws IOException {
        makeRun();
        Path config = run.resolve(RunFolder.CONFIG);
        Files.writeString(config, "[".repeat(100_000));
        IOException e = assertThrows(IOException.class, () -> RunFolder.open(run));
        assertTrue(e.getMessage().startsWith(config + " is not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().length() < config.toString().length() + 150, e.getMessage());
        assertTrue(!e.getMessage().contains("[0][0]") && !e.getMessage().contains("\n"), e.getMessage());

        Files.writeString(config, "{\"a\":".repeat(100_000));
        e = assertThrows(IOException.class, () -> RunFolder.open(run));
        assertTrue(e.getMessage().length() < config.toString().length() + 150, e.getMessage());
    }

    @Test
    void deeplyNestedLatentsJsonIsOneShortLine() throws IOException {
        Path latents = run.resolve("latents.json");
        Files.writeString(latents, "{\"bookmarks\":" + "[".repeat(100_000));
        IOException e = assertThrows(IOException.class, () -> LatentBook.open(run, 4));
        assertTrue(e.getMessage().startsWith(latents + " is damaged ("), e.getMessage());
        assertTrue(e.getMessage().length() < latents.toString().length() + 150, e.getMessage());
    }

    @Test
    void gsonsReasonLosesItsPathAndLink() {
        String path = "$" + ".a".repeat(400);
        String reason = GanJson.reason(new JsonSyntaxException(
                "com.google.gson.stream.MalformedJsonException: Unterminated object at line 1 column 9 path " + path
                        + "\nSee https://github.com/google/gson/blob/main/Troubleshooting.md#malformed-json"));
        assertTrue(reason.equals("Unterminated object at line 1 column 9"), reason);
        assertTrue(GanJson.reason(new IllegalStateException("x".repeat(500))).length() <= GanJson.MAX_REASON);
    }
}
