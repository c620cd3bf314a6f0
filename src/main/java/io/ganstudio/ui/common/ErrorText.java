package io.ganstudio.ui.common;

import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.lesson.LessonException;
import io.ganstudio.core.run.CorruptCheckpointException;
import io.ganstudio.core.run.NonFiniteStateException;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.FileSystemException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure said in the studio's language, to put into a screen's sentence ("Could not open the run: …"): the
 * phrase a studio exception carries, a file-system failure's reason and its path, or, for anything else, a sentence
 * that says something went wrong with the exception's own (English, technical) words after it as the detail.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** The failure in {@code locale}'s words; never empty. */
    public static String of(Throwable error, Locale locale) {
        Throwable e = unwrap(error);
        ResourceBundle words = Messages.load(locale);
        if (e instanceof DatasetException d) {
            return d.phrase().text(locale);
        }
        if (e instanceof LessonException l) {
            return l.phrase().text(locale);
        }
        if (e instanceof CorruptCheckpointException c) {
            return format(words, locale, "error.corruptCheckpoint", c.file().getFileName());
        }
        if (e instanceof NonFiniteStateException n) {
            return format(words, locale, "error.nonFinite", n.step());
        }
        if (e instanceof OutOfMemoryError) {
            return words.getString("error.memory");
        }
        String reason = fileReason(e);
        if (reason != null) {
            FileSystemException fs = e instanceof FileSystemException f ? f : null;
            String place = fs == null || fs.getFile() == null ? "" : fs.getFile();
            return place.isEmpty() ? words.getString(reason) : format(words, locale, "error.file", place,
                    words.getString(reason));
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        // English is the detail's own language: the sentence around it is not needed there.
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? detail
                : format(words, locale, "error.unexpected", detail);
    }

    /** The cause a wrapper (a future, a reflective call, an unchecked I/O failure) carries. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException || t instanceof UncheckedIOException)
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The bundle key of a file-system failure's reason, or null when it is no such failure (or has no key). */
    private static String fileReason(Throwable e) {
        FileErrors.Problem p = FileErrors.problem(e);
        if (p == null) {
            return null;
        }
        return switch (p) {
            case DENIED -> "error.file.denied";
            case MISSING -> "error.file.missing";
            case EXISTS -> "error.file.exists";
            case NOT_FOLDER -> "error.file.notFolder";
            case NOT_EMPTY -> "error.file.notEmpty";
            case READ_ONLY -> "error.file.readOnly";
            case LOOP, NOT_LINK -> null;
        };
    }

    private static String format(ResourceBundle words, Locale locale, String key, Object... args) {
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
