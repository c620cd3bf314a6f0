package io.ganstudio.core.engine;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineChoiceTest {

    @Test
    void namesAreReadInAnyCaseAndAnythingElseIsRefusedWithTheChoices() {
        assertEquals(EngineChoice.MXNET, EngineChoice.parse("MXNet"));
        assertEquals(EngineChoice.PYTORCH, EngineChoice.parse(" pytorch "));
        assertEquals(EngineChoice.AUTO, EngineChoice.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineChoice.parse("torch"));
        assertTrue(e.getMessage().contains("mxnet, pytorch or auto"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineChoice.parse(null));
    }

    @Test
    void autoIsMxnetOnX86AndPyTorchOnArm() {
        assertTrue(EngineChoice.mxnetNativeFits("amd64"));
        assertTrue(EngineChoice.mxnetNativeFits("x86_64"));
        assertFalse(EngineChoice.mxnetNativeFits("aarch64"));
        assertFalse(EngineChoice.mxnetNativeFits("arm64"));
        assertEquals(EngineChoice.MXNET, EngineChoice.MXNET.resolve());
        assertEquals(EngineChoice.PYTORCH, EngineChoice.PYTORCH.resolve());
        assertTrue(EngineChoice.AUTO.resolve() != EngineChoice.AUTO);
        assertEquals("PyTorch", EngineChoice.PYTORCH.djlName());
        assertEquals(EngineChoice.PYTORCH, EngineChoice.ofDjlName("PyTorch"));
    }

    @Test
    void aConfigWithoutAnEngineIsAnMxnetRunAndTheEngineIsWrittenByName() {
        GanConfig bound = new GanConfig(DataSpec.builtIn(), ModelConfig.dcgan(28, 1), TrainConfig.defaults())
                .withEngine(EngineChoice.PYTORCH);
        String json = GanJson.pretty().toJson(bound);
        assertTrue(json.contains("\"engine\": \"pytorch\""), json);
        GanConfig read = GanJson.fromFile(json, GanConfig.class);
        assertEquals(EngineChoice.PYTORCH, read.engineOrDefault());
        assertEquals(bound, read);
        // The same file as written before the engine was recorded.
        GanConfig old = GanJson.fromFile(json.replace("\"engine\": \"pytorch\"", "\"unused\": 0"), GanConfig.class);
        assertNull(old.engine());
        assertEquals(EngineChoice.MXNET, old.engineOrDefault());
        assertTrue(old.loadProblems().isEmpty(), old.loadProblems().toString());
        // Settings keep their engine through every change.
        assertEquals("pytorch", bound.withTrain(TrainConfig.defaults().withSteps(5)).withModel(bound.model())
                .withData(bound.data()).engine());
        assertEquals("mxnet", bound.withEngine(EngineChoice.MXNET).engine());
    }

    @Test
    void aConfigNamingAnotherEngineIsRefusedWhenRead() {
        String json = GanJson.pretty().toJson(new GanConfig(DataSpec.builtIn(), ModelConfig.dcgan(28, 1),
                TrainConfig.defaults()).withEngine(EngineChoice.MXNET));
        for (String other : new String[] {"auto", "tensorflow"}) {
            GanConfig read = GanJson.fromFile(json.replace("\"mxnet\"", "\"" + other + "\""), GanConfig.class);
            assertEquals(1, read.loadProblems().size(), read.loadProblems().toString());
            assertTrue(read.loadProblems().get(0).contains(other), read.loadProblems().toString());
            assertThrows(IllegalArgumentException.class, read::engineOrDefault);
        }
    }
}
