package io.ganstudio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, exactly as main does, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stderr's non-empty lines. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
