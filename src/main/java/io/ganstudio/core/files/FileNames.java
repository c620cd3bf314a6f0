package io.ganstudio.core.files;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names under a locale that is not UTF-8. Java takes the character set of file names and command-line
 * arguments from the locale when it starts (LC_ALL, LC_CTYPE, LANG; {@code sun.jnu.encoding}, which cannot be set
 * with -D), so under {@code LC_ALL=C} (cron jobs, ssh sessions, containers) a name such as 猫.png reads as
 * "???.png", an argument holding it cannot be made a path, and a file found by listing a folder cannot be opened
 * by its name. Nothing here changes behaviour under a UTF-8 locale.
 */
public final class FileNames {

    /** What to do, for the end of a message. */
    public static final String ADVICE = "start GAN Studio with a UTF-8 locale, e.g. export LC_ALL=C.UTF-8";

    private FileNames() {
    }

    /** The character set Java reads and writes file names in (from the locale). */
    public static String nameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        return name != null ? name : Charset.defaultCharset().name();
    }

    /** Whether file names are UTF-8, so that every name can be read. */
    public static boolean utf8Names() {
        String name = nameCharset();
        try {
            return Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether the file can be named: its name, as text, leads back to the same file. False for a name found by a
     * folder listing that holds characters the locale's character set lacks.
     */
    public static boolean nameable(Path file) {
        try {
            return file.getFileSystem().getPath(file.toString()).equals(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether a command-line argument lost characters when Java read it with the locale's character set. */
    public static boolean lostCharacters(String argument) {
        return argument.indexOf('\uFFFD') >= 0;
    }

    /**
     * "... the locale's character set (ANSI_X3.4-1968) cannot hold these names: start GAN Studio with a UTF-8 locale,
     * e.g. export LC_ALL=C.UTF-8".
     */
    public static String localeReason() {
        return "the locale's character set (" + nameCharset() + ") cannot hold such names: " + ADVICE;
    }
}
