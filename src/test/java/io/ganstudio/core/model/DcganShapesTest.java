package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@OnBothEngines
class DcganShapesTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    @ParameterizedTest(name = "{0}x{0}, {1} channel(s)")
    @CsvSource({"16,1", "16,3", "28,1", "28,3", "32,1", "32,3", "64,1", "64,3", "128,1", "128,3"})
    void generatorAndDiscriminatorShapesAndParameterCounts(int size, int channels) {
        ModelConfig c = new ModelConfig(size, channels, 16, 4, 4, Normalization.BATCH_NORM);
        try (NDManager m = NDManager.newBaseManager(); GanNetworks n = new GanNetworks(c, m, 3)) {
            NDArray z = m.randomNormal(new Shape(2, 16, 1, 1));
            NDArray images = n.generate(z, false);
            assertEquals(new Shape(2, channels, size, size), images.getShape());
            assertEquals(new Shape(2), n.discriminate(images, false).getShape());
            float max = images.abs().max().getFloat();
            assertEquals(true, max <= 1f, "tanh output must stay in [-1, 1], got " + max);

            ModelStats stats = ModelStats.of(c);
            long unusedFilter = channels == 1 ? (long) Dcgan.generatorLayers(c).get(
                    Dcgan.generatorLayers(c).size() - 1).inChannels() * 4 * 4 : 0;
            assertEquals(stats.generatorParameters() + unusedFilter, trainable(n.generator().getParameters()));
            assertEquals(stats.discriminatorParameters(), trainable(n.discriminator().getParameters()));
        }
    }

    private static long trainable(PairList<String, Parameter> params) {
        long total = 0;
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                total += p.getValue().getArray().size();
            }
        }
        return total;
    }
}
