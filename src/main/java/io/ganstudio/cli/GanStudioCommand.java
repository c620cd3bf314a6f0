package io.ganstudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level command: lists the commands, and holds --self-test. */
@Command(name = "gan-studio", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Train a GAN on your own images and explore what it learned, offline, on the CPU.",
                "Without arguments the jar opens the studio window."},
        subcommands = {TrainCommand.class, GenerateCommand.class, InterpolateCommand.class, BenchCommand.class,
                InfoCommand.class, PlaygroundCommand.class, EvaluateCommand.class, EvaluatorCommand.class,
                ProjectCommand.class, ArithmeticCommand.class, AnomalyCommand.class,
                DirectionsCommand.class, LessonCommand.class},
        footer = {"", "Run 'gan-studio COMMAND --help' for a command's options.",
                "Exit codes: 0 done, 1 the work failed, 2 the command line is wrong."})
final class GanStudioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--self-test", description = "Load the engine, train 20 steps on the built-in dataset into a "
            + "temporary folder, write a sample grid, and report what happened (the installer's smoke test).")
    boolean selfTest;

    @Override
    public Integer call() {
        if (selfTest) {
            return new SelfTest(spec.commandLine().getOut()).run();
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.OK;
    }
}
