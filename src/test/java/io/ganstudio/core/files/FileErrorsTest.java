package io.ganstudio.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file-system failure reads as "PATH: reason", also when java.nio's message is only the path. */
class FileErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void exceptionsThatCarryOnlyAPathGetTheirReason() {
        assertEquals("/runs/.trainer.lock: permission denied",
                FileErrors.text(new AccessDeniedException("/runs/.trainer.lock")));
        assertEquals("/runs/x: no such file or folder", FileErrors.text(new NoSuchFileException("/runs/x")));
        assertEquals("/a -> /b: permission denied", FileErrors.text(new AccessDeniedException("/a", "/b", null)));
        assertEquals("/media/run: read-only file system",
                FileErrors.text(new FileSystemException("/media/run", null, "Read-only file system")));
        assertEquals("read-only file system", FileErrors.text(new ReadOnlyFileSystemException()));
        assertEquals("/x: permission denied",
                FileErrors.text(new UncheckedIOException(new AccessDeniedException("/x"))));
    }

    @Test
    void messagesThatSayWhatIsWrongAreKept() {
        assertEquals("disk full", FileErrors.text(new IOException("disk full")));
        assertEquals("/run: this folder already holds a run",
                FileErrors.text(new NoSuchFileException("/run", null, "this folder already holds a run")));
    }

    @Test
    void aRealFailureNamesThePathAndTheOperatingSystemsReason() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.writeString(file.resolve("child"), "y"));
        String text = FileErrors.text(e);
        assertTrue(text.startsWith(file.resolve("child") + ": "), text);
        assertTrue(text.length() > (file.resolve("child") + ": ").length(), text);
        IOException missing = assertThrows(IOException.class, () -> Files.readString(tmp.resolve("none")));
        assertEquals(tmp.resolve("none") + ": no such file or folder", FileErrors.text(missing));
    }
}
