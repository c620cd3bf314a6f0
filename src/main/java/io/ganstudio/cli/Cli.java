package io.ganstudio.cli;

import io.ganstudio.core.engine.Logging;
import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.files.FileNames;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Arrays;

/**
 * The command line: parses, runs one command, returns its exit code. {@link #main} only exits with that code, so
 * tests run exactly the path a user runs. Exit codes: 0 done, 1 the work failed, 2 the command line is wrong.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (Arrays.asList(args).contains("--verbose")) {
            Logging.verbose(); // before the engine makes its first logger
        }
        CommandLine cmd = commandLine(out, err);
        String unreadable = unreadableArgument(args);
        if (unreadable != null) {
            err.println(unreadable);
            err.flush();
            return USAGE;
        }
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new GanStudioCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(Cli::onBadCommandLine);
        cmd.setExecutionExceptionHandler(Cli::onFailure);
        return cmd;
    }

    /** A wrong option or value: one line saying what and where to read more, never a stack trace. */
    private static int onBadCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(oneLine(e.getMessage()) + " (see: " + cmd.getCommandSpec().qualifiedName()
                + " --help)");
        return USAGE;
    }

    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof UsageError u) {
            u.lines().forEach(line -> cmd.getErr().println(line));
            return USAGE;
        }
        String message = oneLine(isFileProblem(e) ? FileErrors.text(e)
                : String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        if (e instanceof InvalidPathException && !FileNames.utf8Names()) {
            message += " (" + FileNames.localeReason() + ")";
        }
        cmd.getErr().println("error: " + message);
        return FAILED;
    }

    /** A file-system failure, whose message may be only a path: {@link FileErrors} adds the reason. */
    private static boolean isFileProblem(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof ReadOnlyFileSystemException;
    }

    /**
     * Under a locale that is not UTF-8 (LC_ALL=C in cron jobs, ssh sessions, containers) Java reads arguments such as
     * a folder named 猫 with characters lost: said up front with the cause, instead of a path of question marks that
     * does not exist. Null when every argument is whole.
     */
    static String unreadableArgument(String[] args) {
        for (String a : args) {
            if (FileNames.lostCharacters(a)) {
                return "error: the argument '" + a + "' has characters that were lost when it was read: "
                        + (FileNames.utf8Names() ? "it is not valid UTF-8 text" : FileNames.localeReason());
            }
        }
        return null;
    }

    static String oneLine(String text) {
        // A line that ends in a colon introduces the next: "For example: a.jpg: ...", not "For example:; a.jpg".
        return text.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }
}
