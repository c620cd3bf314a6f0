package io.ganstudio.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFilesTest {

    @TempDir
    Path tmp;

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheFileAndWhere() throws IOException {
        Path file = tmp.resolve("notes.csv");
        Files.write(file, new byte[] {'a', 'b', ',', (byte) 0xFF, 'c'});
        IOException e = assertThrows(IOException.class, () -> TextFiles.readUtf8(file));
        assertTrue(e.getMessage().startsWith(file + " is not UTF-8 text (byte offset 3"), e.getMessage());
        assertThrows(IOException.class, () -> TextFiles.readLines(file));
    }

    @Test
    void aSequenceCutOffAtTheEndIsRefusedToo() throws IOException {
        Path file = tmp.resolve("cut.json");
        byte[] kanji = "顔".getBytes(StandardCharsets.UTF_8);
        Files.write(file, new byte[] {'x', kanji[0], kanji[1]});
        IOException e = assertThrows(IOException.class, () -> TextFiles.readUtf8(file));
        assertTrue(e.getMessage().contains("byte offset 1"), e.getMessage());
    }

    @Test
    void utf8TextReadsAsTheJdkReadsItWithoutAByteOrderMark() throws IOException {
        Path file = tmp.resolve("ok.csv");
        Files.writeString(file, "\uFEFFstep,顔\r\n1,2\n\n3", StandardCharsets.UTF_8);
        assertEquals(List.of("step,顔", "1,2", "", "3"), TextFiles.readLines(file));
        Files.writeString(file, "a\nb\n", StandardCharsets.UTF_8);
        assertEquals(Files.readString(file), TextFiles.readUtf8(file));
        Files.write(file, new byte[0]);
        assertEquals("", TextFiles.readUtf8(file));
    }
}
