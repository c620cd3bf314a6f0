package io.ganstudio.core.engine;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.GanJson;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceChoiceTest {

    @Test
    void namesAreReadInAnyCaseAndAutoIsTheGpuOnlyWhenTheEngineReportsOne() {
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse("cpu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("cuda"));
        assertTrue(e.getMessage().contains("cpu, gpu or auto"), e.getMessage());
        assertEquals(DeviceChoice.CPU, DeviceChoice.AUTO.resolve(0));
        assertEquals(DeviceChoice.GPU, DeviceChoice.AUTO.resolve(2));
        assertEquals(DeviceChoice.CPU, DeviceChoice.CPU.resolve(1));
        assertEquals(DeviceChoice.GPU, DeviceChoice.GPU.resolve(0));
    }

    @Test
    void aConfigWithoutADeviceIsACpuRunAndTheDeviceIsWrittenByName() {
        GanConfig bound = new GanConfig(DataSpec.builtIn(), ModelConfig.dcgan(28, 1), TrainConfig.defaults())
                .withEngine(EngineChoice.MXNET).withDevice(DeviceChoice.GPU);
        String json = GanJson.pretty().toJson(bound);
        assertTrue(json.contains("\"device\": \"gpu\""), json);
        GanConfig read = GanJson.fromFile(json, GanConfig.class);
        assertEquals(bound, read);
        assertEquals(DeviceChoice.GPU, read.deviceOrDefault());
        GanConfig old = GanJson.fromFile(json.replace("\"device\": \"gpu\"", "\"unused\": 0"), GanConfig.class);
        assertNull(old.device());
        assertEquals(DeviceChoice.CPU, old.deviceOrDefault());
        assertTrue(old.loadProblems().isEmpty(), old.loadProblems().toString());
        assertEquals("gpu", bound.withTrain(TrainConfig.defaults().withSteps(5)).withModel(bound.model())
                .withData(bound.data()).withEngine(EngineChoice.PYTORCH).device());
        assertThrows(IllegalArgumentException.class, () -> bound.withDevice(DeviceChoice.AUTO));
        for (String other : new String[] {"auto", "tpu"}) {
            GanConfig wrong = GanJson.fromFile(json.replace("\"gpu\"", "\"" + other + "\""), GanConfig.class);
            assertEquals(1, wrong.loadProblems().size(), wrong.loadProblems().toString());
            assertTrue(wrong.loadProblems().get(0).contains(other), wrong.loadProblems().toString());
        }
    }
}
