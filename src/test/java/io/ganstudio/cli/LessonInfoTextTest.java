package io.ganstudio.cli;

import io.ganstudio.core.ReaderSamples;
import io.ganstudio.core.lesson.LessonFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `lesson info` never prints a lesson's control characters: a title cannot set the window title or clear the screen. */
class LessonInfoTextTest {

    @Test
    void aTitleWithEscapeCodesIsPrintedWithoutThem(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("x" + LessonFile.EXTENSION);
        LessonFile.save(file, "\u001b]0;owned\u0007\u001b[2J\u001b[31mShapes\u202e", ReaderSamples.tinyConfig(), null,
                null, null);
        CliRun r = CliRun.of("lesson", "info", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Shapes"), r.out());
        assertFalse(r.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), r.out());
    }
}
