package io.ganstudio.core.playground;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing real points from CSV: what is accepted, and the message for each kind of bad file. */
class PointsCsvTest {

    private static String points(int n, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i).append(sep).append(2 * i).append('\n');
        }
        return b.toString();
    }

    @Test
    void readsCommaSemicolonTabAndSpacesWithAHeaderAndScalesIntoTheSquare() throws Exception {
        for (String sep : new String[] {",", ";", "\t", "  ", ", "}) {
            double[] xy = PointsCsv.parse("x" + (sep.isBlank() ? " " : sep) + "y\n# comment\n\n" + points(20, sep));
            assertEquals(40, xy.length, "separator '" + sep + "'");
            // y spans twice x's range: y fills 0.05..0.95, x half of that, both centred; the shape is kept.
            assertEquals(0.05, xy[1], 1e-9);
            assertEquals(0.95, xy[39], 1e-9);
            assertEquals(0.275, xy[0], 1e-9);
            assertEquals(0.725, xy[38], 1e-9);
        }
    }

    @Test
    void acceptsNegativeAndScientificNumbersAndAByteOrderMark() throws Exception {
        double[] xy = PointsCsv.parse("\uFEFF" + "-1e3,2.5E-1\n" + points(12, ","));
        assertEquals(26, xy.length);
        for (double v : xy) {
            assertTrue(v >= 0.05 - 1e-9 && v <= 0.95 + 1e-9);
        }
    }

    private static String message(String csv) {
        PointsCsv.BadCsvException e = assertThrows(PointsCsv.BadCsvException.class, () -> PointsCsv.parse(csv));
        return e.getMessage();
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        assertEquals("Line 3 is not two numbers: \"1,abc\". Use a dot for decimals (0.5) and a comma, semicolon "
                + "or tab between x and y.", message("x,y\n1,2\n1,abc\n" + points(20, ",")));
        assertEquals("Line 2 has 3 values; each line needs exactly two numbers, x and y: \"1,2,3\"",
                message("1,2\n1,2,3\n" + points(20, ",")));
        assertTrue(message(points(20, ",") + "NaN,1\n").startsWith("Line 21 has a value that is not a finite"));
        assertEquals("The file has 3 points; the playground needs at least 10.", message("x,y\n1,2\n3,4\n5,6\n"));
        assertEquals("The file has 0 points; the playground needs at least 10.", message(""));
        assertTrue(message("1,1\n".repeat(12)).startsWith("All 12 points are the same point"));
        // A decimal comma ("0,5;1,5") is three or four values, not silently different numbers.
        assertTrue(message("0,5;1,5\n" + points(20, ";")).startsWith("Line 1 has 4 values"));
    }

    @Test
    void missingAndBinaryFilesAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        PointsCsv.BadCsvException missing = assertThrows(PointsCsv.BadCsvException.class,
                () -> PointsCsv.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("nope.csv"));
        Path binary = dir.resolve("image.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE, 0, 1});
        PointsCsv.BadCsvException notText = assertThrows(PointsCsv.BadCsvException.class,
                () -> PointsCsv.read(binary));
        assertTrue(notText.getMessage().startsWith("image.csv is not a text file"), notText.getMessage());
    }

    @Test
    void messagesExistInJapanese() {
        PointsCsv.BadCsvException e = assertThrows(PointsCsv.BadCsvException.class, () -> PointsCsv.parse("1,2\n"));
        String ja = e.phrase().text(Locale.JAPANESE);
        assertTrue(ja.contains("1") && ja.contains("10") && !ja.equals(e.getMessage()), ja);
    }
}
