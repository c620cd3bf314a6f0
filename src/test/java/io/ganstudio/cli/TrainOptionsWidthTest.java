package io.ganstudio.cli;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The networks' widths: 64 unless given, 32 for a small colour folder unless a width was given. */
class TrainOptionsWidthTest {

    private static TrainOptions parse(String... args) {
        TrainOptions o = new TrainOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private static final ModelConfig AT_64 = new ModelConfig(64, 3, 100, 64, 64, Normalization.BATCH_NORM);

    @Test
    void aSmallColourFolderGetsTheNarrowNetworksUnlessAWidthIsGiven() {
        assertEquals(32, parse().forData(AT_64, 248, 3).generatorWidth());
        assertEquals(32, parse().forData(AT_64, 248, 3).discriminatorWidth());
        assertEquals(64, parse().forData(AT_64, 248, 1).generatorWidth(), "grayscale");
        assertEquals(64, parse().forData(AT_64, 5000, 3).generatorWidth(), "a large folder");
        assertEquals(AT_64, parse("--g-width", "64").forData(AT_64, 248, 3), "a width given keeps both");
        assertEquals(AT_64, parse("--d-width", "64").forData(AT_64, 248, 3));
    }
}
