package io.ganstudio.core.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson whose lesson.json is not UTF-8 or is nested without end is refused with a short reason. */
class LessonTextTest {

    @TempDir
    Path tmp;

    private Path lessonWith(byte[] json) throws IOException {
        Path file = tmp.resolve("x.ganlesson");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(LessonFile.JSON_ENTRY));
            zip.write(json);
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void lessonJsonThatIsNotUtf8IsSaidSo() throws IOException {
        Path file = lessonWith(new byte[] {'{', '"', (byte) 0x8A, (byte) 0xE7, '"', '}'});
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));
        assertTrue(e.getMessage().contains("lesson.json is not UTF-8 text"), e.getMessage());
    }

    @Test
    void deeplyNestedLessonJsonIsAShortReason() throws IOException {
        Path file = lessonWith("[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));
        assertTrue(e.getMessage().contains("lesson.json: ") && !e.getMessage().contains("[0][0]"), e.getMessage());
        assertTrue(e.getMessage().length() < file.toString().length() + 250, e.getMessage());
    }
}
