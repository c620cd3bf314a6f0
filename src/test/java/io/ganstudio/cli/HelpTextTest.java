package io.ganstudio.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every command's --help formats cleanly: picocli warns (on stderr) about a stray % in a description. */
class HelpTextTest {

    @Test
    void everyHelpTextFormatsWithoutWarnings() {
        PrintStream before = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringWriter helps = new StringWriter();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            visit(Cli.commandLine(new PrintWriter(helps), new PrintWriter(helps)), helps);
        } finally {
            System.setErr(before);
        }
        String err = warnings.toString(StandardCharsets.UTF_8);
        assertEquals("", err, "picocli could not format a help text");
        assertFalse(helps.toString().contains("%n"), "a help text shows a raw %n");
    }

    private static void visit(CommandLine cmd, StringWriter helps) {
        helps.append(cmd.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            visit(sub, helps);
        }
    }
}
