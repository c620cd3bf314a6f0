package io.ganstudio.core.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityCsvTest {

    private static QualitySnapshot at(long step, double fid) {
        return new QualitySnapshot(step, 0.5, 512, fid, Double.isNaN(fid) ? Double.NaN : 0.01, 0.8, 0.07, 3, 20,
                0.01, 0.95, 0.04, 1.1);
    }

    @Test
    void rowsRoundTripSkipACutOffLineAndAreDroppedAfterAResumeStep(@TempDir Path run) throws Exception {
        QualityCsv csv = new QualityCsv(run);
        csv.append(at(500, 42.5));
        csv.append(at(1000, 30.25));
        csv.append(at(1500, Double.NaN));
        Files.writeString(csv.file(), "2000,0.4,512,12", StandardOpenOption.APPEND); // a crash mid-row
        var rows = csv.read();
        assertEquals(3, rows.size());
        assertEquals(30.25, rows.get(1).fid(), 1e-9);
        assertTrue(Double.isNaN(rows.get(2).fid()));
        assertEquals(3, rows.get(2).ndbDifferent());
        csv.truncateAfter(1000);
        assertEquals(2, csv.read().size());
        assertTrue(Files.readString(csv.file()).startsWith(QualityCsv.HEADER + "\n"));
    }
}
