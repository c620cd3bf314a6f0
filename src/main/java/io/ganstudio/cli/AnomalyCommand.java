package io.ganstudio.cli;

import picocli.CommandLine.Command;

/** f-AnoGAN anomaly inspection on a trained run: fit the encoder, score folders, run the one-class protocol. */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = {"Find images that do not look like the run's training images, and where (f-AnoGAN).",
                "First 'fit' an encoder to a trained run, then 'score' folders of images."},
        subcommands = {AnomalyFitCommand.class, AnomalyScoreCommand.class, AnomalyProtocolCommand.class})
final class AnomalyCommand extends CommandGroup {
}
