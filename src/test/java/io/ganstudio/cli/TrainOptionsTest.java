package io.ganstudio.cli;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The defaults --help shows are the defaults the core uses. */
class TrainOptionsTest {

    @Test
    void defaultsMatchTheCore() {
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs();
        GanConfig c = cmd.options.toConfig(DataSpec.builtIn(), TrainConfig.defaults().steps());
        assertEquals(TrainConfig.defaults(), c.train());
        ModelConfig dcgan = ModelConfig.dcgan(28, 3);
        assertEquals(dcgan, c.model());
    }

    @Test
    void optionsReachTheConfig() {
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--size", "32", "--loss", "hinge", "--norm", "none", "--lr-d", "0.0004",
                "--d-steps", "2", "--seed", "7", "--upsampling", "resize");
        GanConfig c = cmd.options.toConfig(DataSpec.builtIn(), 10);
        assertEquals(32, c.model().imageSize());
        assertEquals("hinge", c.train().loss().cliName());
        assertEquals("none", c.model().normalization().cliName());
        assertEquals(0.0004f, c.train().discriminatorOptimizer().learningRate());
        assertEquals(2, c.train().discriminatorSteps());
        assertEquals(7L, c.train().seed());
        assertEquals(Upsampling.RESIZE_CONV, c.model().upsampling());
    }
}
