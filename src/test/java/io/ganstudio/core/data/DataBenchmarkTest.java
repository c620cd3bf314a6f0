package io.ganstudio.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --data} on a handful of images: it runs, and the second open is served by the cache. */
class DataBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void smallBenchmarkReportsBothOpens() {
        String first = DataBenchmark.run(dir, 12, 16);
        assertTrue(first.contains("12 images"), first);
        assertTrue(first.contains("first open"), first);
        assertTrue(first.contains("(from cache)"), first);
        assertTrue(first.contains("loaded 12, skipped 0, identical: true"), first);
        String again = DataBenchmark.run(dir, 12, 16);
        assertTrue(again.contains("reused from an earlier run"), again);
    }
}
