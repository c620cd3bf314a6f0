package io.ganstudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playground's --json output is always valid JSON, and degenerate points are refused before training. */
class PlaygroundJsonTest {

    @Test
    void aNumberThatIsNotFiniteIsWrittenAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("d_loss", Double.NaN);
        m.put("js", Double.POSITIVE_INFINITY);
        m.put("kl", 0.25);
        m.put("steps", 3);
        String json = PlaygroundCommand.jsonOut().toJson(m);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertTrue(o.get("d_loss").isJsonNull() && o.get("js").isJsonNull(), json);
        assertEquals(0.25, o.get("kl").getAsDouble());
        assertEquals(3, o.get("steps").getAsInt());
    }

    @Test
    void pointsSpanningADenormalAreRefusedWithOneLine(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            b.append(i % 2 == 0 ? "0" : "5e-324").append(",0\n");
        }
        Path csv = Files.writeString(dir.resolve("tiny.csv"), b.toString());
        CliRun r = CliRun.of("playground", "--csv", csv.toString(), "--steps", "5", "--json");
        assertEquals(1, r.exitCode(), r.out());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("too close together"), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
    }
}
