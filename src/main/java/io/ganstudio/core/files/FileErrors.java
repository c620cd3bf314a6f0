package io.ganstudio.core.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * The one place that turns a file-system failure into text a person can act on: "PATH: reason". java.nio's
 * exceptions often carry only the path as their message (an {@link AccessDeniedException}'s message is just
 * "/runs/.trainer.lock"); the reason is in the exception's class or {@link FileSystemException#getReason()}.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /** "PATH: reason" for a file-system exception, the message for any other; never empty, never a stack trace. */
    public static String text(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return text(u.getCause());
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return Problem.READ_ONLY.english();
        }
        if (e instanceof FileSystemException fs) {
            String place = fs.getFile() == null ? "" : fs.getFile()
                    + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile());
            String reason = fs.getReason() != null && !fs.getReason().isBlank()
                    ? lowerFirst(fs.getReason()) : reason(fs);
            return place.isEmpty() ? reason : place + ": " + reason;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? reason(e) : message;
    }

    /** The kinds of file-system failure a person can act on, each with its reason in English mid-sentence. */
    public enum Problem {
        DENIED("permission denied"),
        MISSING("no such file or folder"),
        EXISTS("something of that name already exists"),
        NOT_FOLDER("not a folder"),
        NOT_EMPTY("the folder is not empty"),
        LOOP("the folders link back to themselves"),
        NOT_LINK("not a symbolic link"),
        READ_ONLY("read-only file system");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** The kind of file-system failure an exception stands for, or null when it is none of them. */
    public static Problem problem(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return Problem.DENIED;
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return Problem.MISSING;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Problem.EXISTS;
        }
        if (e instanceof NotDirectoryException) {
            return Problem.NOT_FOLDER;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Problem.NOT_EMPTY;
        }
        if (e instanceof FileSystemLoopException) {
            return Problem.LOOP;
        }
        if (e instanceof NotLinkException) {
            return Problem.NOT_LINK;
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return Problem.READ_ONLY;
        }
        return null;
    }

    /** The reason an exception's class stands for, when its message gives none. */
    static String reason(Throwable e) {
        Problem p = problem(e);
        if (p != null) {
            return p.english();
        }
        if (e instanceof IOException) {
            return "could not be read or written (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName();
    }

    /** "Read-only file system" (the operating system's words) becomes "read-only file system" mid-sentence. */
    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
