package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small colour folder's settings: 32-wide networks unless a width was given, learning rates 0.0005 unless given,
 * the generator average unless --ema was given; other data keeps the general defaults.
 */
class TrainOptionsWidthTest {

    private static TrainOptions parse(String... args) {
        TrainOptions o = new TrainOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private static GanConfig fitted(TrainOptions o, int images, int channels) {
        return o.forData(o.toConfig(DataSpec.folder("/photos"), 100), images, channels);
    }

    @Test
    void aSmallColourFolderGetsTheNarrowNetworksUnlessAWidthIsGiven() {
        assertEquals(32, fitted(parse(), 248, 3).model().generatorWidth());
        assertEquals(32, fitted(parse(), 248, 3).model().discriminatorWidth());
        assertEquals(64, fitted(parse(), 248, 1).model().generatorWidth(), "grayscale");
        assertEquals(64, fitted(parse(), 5000, 3).model().generatorWidth(), "a large folder");
        ModelConfig given = fitted(parse("--g-width", "64"), 248, 3).model();
        assertEquals(64, given.generatorWidth(), "a width given keeps both");
        assertEquals(64, given.discriminatorWidth());
        assertEquals(64, fitted(parse("--d-width", "64"), 248, 3).model().generatorWidth());
    }

    @Test
    void aSmallColourFolderLearnsFasterWithTheAverageUnlessTheyAreGiven() {
        TrainConfig t = fitted(parse(), 248, 3).train();
        assertEquals(0.0005f, t.generatorOptimizer().learningRate());
        assertEquals(0.0005f, t.discriminatorOptimizer().learningRate());
        assertEquals(0.5f, t.generatorOptimizer().beta1(), "the betas stay");
        assertEquals(0.995f, t.emaDecay());

        TrainConfig large = fitted(parse(), 5000, 3).train();
        assertEquals(0.0002f, large.generatorOptimizer().learningRate(), "a large folder keeps the defaults");
        assertEquals(0f, large.emaDecay());

        TrainConfig given = fitted(parse("--lr-d", "0.0003", "--ema", "0"), 248, 3).train();
        assertEquals(0.0005f, given.generatorOptimizer().learningRate());
        assertEquals(0.0003f, given.discriminatorOptimizer().learningRate(), "what is given stays");
        assertEquals(0f, given.emaDecay(), "--ema 0 turns the average off");
        assertEquals(0.0001f, fitted(parse("--lr-g", "0.0001"), 248, 3).train().generatorOptimizer().learningRate());
    }
}
