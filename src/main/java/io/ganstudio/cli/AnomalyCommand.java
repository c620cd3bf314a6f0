package io.ganstudio.cli;

import picocli.CommandLine.Command;

/** Anomaly inspection on a trained run: fit the inspection model, score folders, run the one-class protocol. */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = {"Find images that do not look like the run's training images, and where, with the run's own "
                + "networks.",
                "First 'fit' the inspection model to a trained run, then 'score' folders of images."},
        subcommands = {AnomalyFitCommand.class, AnomalyScoreCommand.class, AnomalyProtocolCommand.class})
final class AnomalyCommand extends CommandGroup {
}
