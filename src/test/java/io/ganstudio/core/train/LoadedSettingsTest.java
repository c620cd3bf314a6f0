package io.ganstudio.core.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ganstudio.core.ReaderSamples;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.CorruptCheckpointException;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings read from a file (config.json, a checkpoint's header) go through the same limits as settings typed on
 * the command line or in the studio, so a model that could never have been made here is refused with the setting
 * named, before any network is built.
 */
class LoadedSettingsTest {

    private static Path editedRun(Path dir, Consumer<JsonObject> edit) throws IOException {
        ReaderSamples.runFolder(dir);
        Path config = dir.resolve(RunFolder.CONFIG);
        JsonObject json = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
        edit.accept(json);
        Files.writeString(config, json.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    private static String refusedOpen(Path run) {
        return ReaderSamples.refusal(IOException.class,
                ReaderSamples.allocating(16L << 20, () -> RunFolder.open(run)));
    }

    @Test
    void aConfigWithAHugeLatentSizeIsRefused(@TempDir Path tmp) throws Exception {
        Path run = editedRun(tmp.resolve("run"), j -> j.getAsJsonObject("model").addProperty("latentSize",
                1_000_000_000));
        String m = refusedOpen(run);
        assertTrue(m.contains("latent size must be between 1 and " + ModelConfig.MAX_LATENT_SIZE), m);
    }

    @Test
    void aConfigWithAnImpossibleImageSizeIsRefused(@TempDir Path tmp) throws Exception {
        for (int size : new int[]{46341, -16, 0}) {
            Path run = editedRun(tmp.resolve("run" + size), j -> j.getAsJsonObject("model")
                    .addProperty("imageSize", size));
            String m = refusedOpen(run);
            assertTrue(m.contains("image size " + size + " is not supported"), m);
        }
    }

    @Test
    void aConfigWithThousandsOfClassesOrNullClassNamesIsRefused(@TempDir Path tmp) throws Exception {
        Path many = editedRun(tmp.resolve("many"), j -> {
            JsonArray names = new JsonArray();
            for (int i = 0; i < ModelConfig.MAX_CLASSES + 1; i++) {
                names.add("c" + i);
            }
            j.getAsJsonObject("model").add("classes", names);
            j.getAsJsonObject("model").addProperty("conditional", true);
        });
        assertTrue(refusedOpen(many).contains("at most " + ModelConfig.MAX_CLASSES + " classes"));
        Path nulls = editedRun(tmp.resolve("nulls"), j -> j.getAsJsonObject("model")
                .add("classes", JsonParser.parseString("[\"a\", null]")));
        assertTrue(refusedOpen(nulls).contains("class name"));
        Path notJson = editedRun(tmp.resolve("type"), j -> j.getAsJsonObject("train").addProperty("batchSize",
                "many"));
        assertTrue(refusedOpen(notJson).contains("not valid JSON"));
    }

    @Test
    void aCheckpointWithAValidChecksumButAnImpossibleModelIsRefused(@TempDir Path tmp) throws Exception {
        GanConfig wide = ReaderSamples.tinyConfig().withModel(new ModelConfig(16, 1, 8, 100_000, 8,
                Normalization.BATCH_NORM));
        Path file = ReaderSamples.checkpoint(tmp.resolve("checkpoints"), wide);
        String m = ReaderSamples.refusal(CorruptCheckpointException.class,
                ReaderSamples.allocating(16L << 20, () -> Checkpoints.read(file)));
        assertTrue(m.contains("generator width must be between 1 and 512, not 100000"), m);
    }

    @Test
    void everyLimitIsStatedOnce() {
        GanConfig ok = ReaderSamples.tinyConfig();
        assertEquals(List.of(), ok.loadProblems());
        GanConfig bad = ok.withModel(new ModelConfig(16, 2, 2000, 8, 600, Normalization.BATCH_NORM))
                .withTrain(ok.train().withBatchSize(5000));
        assertEquals(bad.model().problems().size() + bad.train().problems().size(), bad.loadProblems().size());
        assertEquals(4, bad.loadProblems().size(), bad.loadProblems().toString());
    }
}
