package io.ganstudio.cli;

import io.ganstudio.core.text.FileErrors;
import picocli.CommandLine;

import java.io.PrintWriter;

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
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            io.ganstudio.core.engine.Logging.verbose(); // before the engine makes its first logger
        }
        CommandLine cmd = commandLine(out, err);
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
        cmd.getErr().println("error: " + oneLine(isFileProblem(e) ? FileErrors.text(e)
                : String.valueOf(e.getMessage() == null ? e : e.getMessage())));
        return FAILED;
    }

    /** A file-system failure, whose message may be only a path: {@link FileErrors} adds the reason. */
    private static boolean isFileProblem(Exception e) {
        return e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof java.nio.file.ReadOnlyFileSystemException;
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
